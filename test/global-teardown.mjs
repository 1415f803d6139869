export default async function teardown() {
  await globalThis.__QAZ_EMBEDDED__?.stop();
}
