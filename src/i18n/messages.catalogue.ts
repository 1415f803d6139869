import type { Language } from './language.js';

/**
 * One message in every language. `{name}` marks a part taken over from the English text as it was raised (a field name, a
 * limit, a request id, graphql-js's own words), never personal data; a template that is only `{detail}` catches the code's
 * remaining messages and comes last.
 */
export type MessageTexts = Readonly<Record<Language, string>>;

/**
 * User-facing messages by error code (GraphQL `extensions.code`, HTTP error bodies, OAuth `error`, union refusal reasons),
 * then by a stable key. The English text is the one the code raises; the response is put into the caller's language when it
 * is formatted, by matching that text here. A new code or message gets its entry here in all three languages (a test
 * walks src/ for them).
 */
export const MESSAGES: Readonly<Record<string, Readonly<Record<string, MessageTexts>>>> = {
  BAD_USER_INPUT: {
    devTokenRequest: {
      en: 'Expected a JSON object with kind and, optionally, sub, partnerId and a scope list',
      ru: 'Ожидается JSON-объект с полем kind и, при необходимости, sub, partnerId и списком scope',
      kk: 'kind өрісі бар JSON нысаны күтіледі, қажет болса sub, partnerId және scope тізімі де',
    },
    lengthWithoutSlashes: {
      en: '{field} must be {min} to {max} characters without slashes or control characters',
      ru: 'Поле {field} должно содержать от {min} до {max} символов, без косой черты и управляющих символов',
      kk: '{field} өрісінің ұзындығы {min}–{max} таңба болуы керек, қиғаш сызықсыз және басқару таңбаларынсыз',
    },
    printable: {
      en: '{field} must be {min} to {max} printable characters without spaces',
      ru: 'Поле {field} должно содержать от {min} до {max} печатных символов без пробелов',
      kk: '{field} өрісі бос орынсыз {min}–{max} басылатын таңбадан тұруы керек',
    },
    printableAscii: {
      en: '{field} must be {min} to {max} printable ASCII characters without spaces',
      ru: 'Поле {field} должно содержать от {min} до {max} печатных символов ASCII без пробелов',
      kk: '{field} өрісі бос орынсыз {min}–{max} басылатын ASCII таңбасынан тұруы керек',
    },
    length: {
      en: '{field} must be {min} to {max} characters',
      ru: 'Поле {field} должно содержать от {min} до {max} символов',
      kk: '{field} өрісінің ұзындығы {min}–{max} таңба болуы керек',
    },
    maskedLength: {
      en: '{field} must be at most {max} characters once personal data is masked',
      ru: 'После скрытия персональных данных поле {field} должно содержать не более {max} символов',
      kk: 'Дербес деректер жасырылғаннан кейін {field} өрісінің ұзындығы {max} таңбадан аспауы керек',
    },
    caseNumber: {
      en: '{field} must be {min} to {max} letters, digits, /, ., _ or -',
      ru: 'Поле {field} должно содержать от {min} до {max} букв, цифр или знаков /, ., _, -',
      kk: '{field} өрісі {min}–{max} әріп, цифр немесе /, ., _, - таңбаларынан тұруы керек',
    },
    version: {
      en: '{field} must be {min} to {max} letters, digits, dots, dashes or underscores',
      ru: 'Поле {field} должно содержать от {min} до {max} букв, цифр, точек, дефисов или подчёркиваний',
      kk: '{field} өрісі {min}–{max} әріп, цифр, нүкте, сызықша немесе астын сызу таңбасынан тұруы керек',
    },
    people: {
      en: '{field} must name {min} to {max} people',
      ru: 'В поле {field} должно быть от {min} до {max} человек',
      kk: '{field} өрісінде {min}–{max} адам көрсетілуі керек',
    },
    between: { en: '{field} must be between {min} and {max}', ru: 'Поле {field} должно быть от {min} до {max}', kk: '{field} өрісі {min}–{max} аралығында болуы керек' },
    isoDate: {
      en: '{field} must be an ISO date (YYYY-MM-DD)',
      ru: 'Поле {field} должно быть датой в формате ISO (YYYY-MM-DD)',
      kk: '{field} өрісі ISO пішіміндегі күн болуы керек (YYYY-MM-DD)',
    },
    dateTime: { en: '{field} must be a date-time', ru: 'Поле {field} должно быть датой и временем', kk: '{field} өрісі күн мен уақыт болуы керек' },
    startedTourDates: {
      en: 'startsOn must be after today: a tour that has started keeps its dates',
      ru: 'Значение startsOn должно быть позже сегодняшнего дня: даты начавшегося тура не меняются',
      kk: 'startsOn мәні бүгіннен кейінгі күн болуы керек: басталған турдың күндері өзгермейді',
    },
    afterToday: { en: '{field} must be after today', ru: 'Поле {field} должно быть позже сегодняшнего дня', kk: '{field} өрісі бүгіннен кейінгі күн болуы керек' },
    withinDays: {
      en: '{field} must be in the future and within {days} days',
      ru: 'Поле {field} должно быть в будущем, не далее чем через {days} дн.',
      kk: '{field} өрісі болашақта және {days} күн ішінде болуы керек',
    },
    oneOf: { en: '{field} must be one of {values}', ru: 'Поле {field} должно быть одним из значений: {values}', kk: '{field} өрісі мына мәндердің бірі болуы керек: {values}' },
    hexDigits: {
      en: '{field} must be {count} hex digits',
      ru: 'Поле {field} должно состоять из {count} шестнадцатеричных цифр',
      kk: '{field} өрісі {count} оналтылық цифрдан тұруы керек',
    },
    positiveInteger: { en: '{field} must be a positive integer', ru: 'Поле {field} должно быть целым положительным числом', kk: '{field} өрісі оң бүтін сан болуы керек' },
    notName: { en: '{field} is not a name', ru: 'В поле {field} должно быть имя', kk: '{field} өрісінде есім болуы керек' },
    notIin: { en: '{field} is not a valid IIN', ru: 'В поле {field} должен быть действительный ИИН', kk: '{field} өрісінде жарамды ЖСН болуы керек' },
    notPassport: {
      en: '{field} is not a valid passport or identity card number',
      ru: 'В поле {field} должен быть действительный номер паспорта или удостоверения личности',
      kk: '{field} өрісінде жарамды паспорт немесе жеке куәлік нөмірі болуы керек',
    },
    notEmail: {
      en: '{field} is not a valid e-mail address',
      ru: 'В поле {field} должен быть действительный адрес e-mail',
      kk: '{field} өрісінде жарамды e-mail мекенжайы болуы керек',
    },
    notTelegram: {
      en: '{field} is not a Telegram username',
      ru: 'В поле {field} должно быть имя пользователя Telegram',
      kk: '{field} өрісінде Telegram пайдаланушы аты болуы керек',
    },
    notInternationalPhone: {
      en: '{field} is not a phone number in international format',
      ru: 'В поле {field} должен быть номер телефона в международном формате',
      kk: '{field} өрісінде халықаралық пішімдегі телефон нөмірі болуы керек',
    },
    kazakhMobile: {
      en: 'Not a Kazakh mobile number (+7 7xx xxx xx xx)',
      ru: 'Это не казахстанский мобильный номер (+7 7xx xxx xx xx)',
      kk: 'Бұл қазақстандық ұялы байланыс нөмірі емес (+7 7xx xxx xx xx)',
    },
    loginCode: { en: 'The login code is 6 digits', ru: 'Код входа состоит из 6 цифр', kk: 'Кіру коды 6 цифрдан тұрады' },
    cursor: { en: 'Malformed cursor', ru: 'Неверный курсор', kk: 'Курсор қате' },
    accountId: { en: 'Not an account id', ru: 'Это не идентификатор учётной записи', kk: 'Бұл есептік жазбаның идентификаторы емес' },
    tokenId: { en: 'Not a token id', ru: 'Это не идентификатор токена', kk: 'Бұл токен идентификаторы емес' },
    staffRole: { en: 'Not a staff role', ru: 'Это не роль сотрудника', kk: 'Бұл қызметкер рөлі емес' },
    oidcSubjectInProduction: {
      en: 'In production staff sign in only through the OpenID issuer: give oidcSubject',
      ru: 'В рабочей среде сотрудники входят только через издателя OpenID: укажите oidcSubject',
      kk: 'Өндірістік ортада қызметкерлер тек OpenID эмитенті арқылы кіреді: oidcSubject көрсетіңіз',
    },
    signInWay: {
      en: 'Give oidcSubject, phone or both: the account needs a way to sign in',
      ru: 'Укажите oidcSubject, phone или оба: учётной записи нужен способ входа',
      kk: 'oidcSubject, phone немесе екеуін де көрсетіңіз: есептік жазбаға кіру тәсілі керек',
    },
    phoneTaken: {
      en: 'That phone already has an account',
      ru: 'На этот номер телефона уже зарегистрирована учётная запись',
      kk: 'Бұл телефон нөміріне есептік жазба бұрыннан бар',
    },
    oidcSubjectTaken: {
      en: 'That OpenID subject is already linked to an account',
      ru: 'Этот субъект OpenID уже привязан к учётной записи',
      kk: 'Бұл OpenID субъектісі есептік жазбаға әлдеқашан байланыстырылған',
    },
    unknownScopeNamed: {
      en: 'Unknown scope for a {kind} client: {scopes}; known: {known}',
      ru: 'Неизвестная область доступа для клиента {kind}: {scopes}; известные: {known}',
      kk: '{kind} клиенті үшін белгісіз рұқсат аясы: {scopes}; белгілі аялар: {known}',
    },
    unknownScope: {
      en: 'Unknown scope for a {kind} client; known: {known}',
      ru: 'Неизвестная область доступа для клиента {kind}; известные: {known}',
      kk: '{kind} клиенті үшін белгісіз рұқсат аясы; белгілі аялар: {known}',
    },
    noScope: {
      en: 'Give at least one scope; known: {known}',
      ru: 'Укажите хотя бы одну область доступа; известные: {known}',
      kk: 'Кемінде бір рұқсат аясын көрсетіңіз; белгілі аялар: {known}',
    },
    partnerId: { en: 'partnerId is not a partner id', ru: 'partnerId не является идентификатором партнёра', kk: 'partnerId серіктестің идентификаторы емес' },
    clientPurpose: {
      en: 'This kind of client cannot have that purpose',
      ru: 'У клиента этого вида не может быть такой цели',
      kk: 'Бұл түрдегі клиентке мұндай мақсат берілмейді',
    },
    noPartner: { en: 'No such partner', ru: 'Такого партнёра нет', kk: 'Мұндай серіктес жоқ' },
    providerClient: {
      en: 'PAYMENT_PROVIDER clients belong to payment-provider partners, and only they',
      ru: 'Клиенты PAYMENT_PROVIDER бывают только у партнёров — платёжных провайдеров',
      kk: 'PAYMENT_PROVIDER клиенттері тек төлем провайдері болып табылатын серіктестерге ғана тиесілі',
    },
    appClientId: {
      en: 'An app client id is 3 to 63 lower-case letters, digits and dashes, starting with a letter',
      ru: 'Идентификатор клиента-приложения — от 3 до 63 строчных латинских букв, цифр и дефисов, начиная с буквы',
      kk: 'Қолданба клиентінің идентификаторы әріптен басталып, 3–63 кіші латын әрпінен, цифрдан және сызықшадан тұрады',
    },
    clientIdTaken: { en: 'That client id is already registered', ru: 'Клиент с таким идентификатором уже зарегистрирован', kk: 'Мұндай идентификаторы бар клиент бұрын тіркелген' },
    notAppClient: { en: 'Not a registered app client', ru: 'Это не зарегистрированный клиент-приложение', kk: 'Бұл тіркелген қолданба клиенті емес' },
    clientDisabled: { en: 'The client is disabled', ru: 'Клиент отключён', kk: 'Клиент өшірілген' },
    travellerErasure: {
      en: 'Only traveller accounts are erased here',
      ru: 'Здесь удаляются только учётные записи путешественников',
      kk: 'Мұнда тек саяхатшылардың есептік жазбалары жойылады',
    },
    subjectPseudonym: {
      en: 'subject must be a subject pseudonym (ps_...)',
      ru: 'Поле subject должно быть псевдонимом субъекта (ps_...)',
      kk: 'subject өрісі субъектінің бүркеншік аты (ps_...) болуы керек',
    },
    fromBeforeTo: { en: 'from must be before to', ru: 'Значение from должно быть раньше to', kk: 'from мәні to мәнінен бұрын болуы керек' },
    fromNotAfterTo: { en: 'from must not be after to', ru: 'Значение from не должно быть позже to', kk: 'from мәні to мәнінен кейін болмауы керек' },
    authorityAccount: {
      en: 'addressedToId must name an authority account',
      ru: 'Поле addressedToId должно указывать учётную запись уполномоченного органа',
      kk: 'addressedToId өрісі уәкілетті органның есептік жазбасын көрсетуі керек',
    },
    activeAuthorityAccount: {
      en: 'addressedToId must name an active authority account',
      ru: 'Поле addressedToId должно указывать активную учётную запись уполномоченного органа',
      kk: 'addressedToId өрісі уәкілетті органның белсенді есептік жазбасын көрсетуі керек',
    },
    dataKinds: { en: 'kinds must name at least one kind of data', ru: 'В поле kinds должен быть хотя бы один вид данных', kk: 'kinds өрісінде кемінде бір дерек түрі болуы керек' },
    caseNumberTaken: {
      en: 'A request with this case number is already recorded',
      ru: 'Запрос с этим номером дела уже зарегистрирован',
      kk: 'Бұл іс нөмірімен сұрау бұрын тіркелген',
    },
    attachmentCount: { en: 'At most {max} attachments', ru: 'Не более {max} вложений', kk: 'Тіркемелер саны {max} шегінен аспауы керек' },
    attachmentBytes: {
      en: 'Attachments may total at most {max} bytes',
      ru: 'Общий размер вложений — не более {max} байт',
      kk: 'Тіркемелердің жалпы көлемі {max} байттан аспауы керек',
    },
    notProvider: { en: 'providerId is not a payment provider', ru: 'providerId не указывает на платёжного провайдера', kk: 'providerId төлем провайдерін көрсетпейді' },
    idempotencyKeyReused: {
      en: 'idempotencyKey reused with different parameters',
      ru: 'idempotencyKey уже использован с другими параметрами',
      kk: 'idempotencyKey басқа параметрлермен бұрын қолданылған',
    },
    versionPublished: { en: 'This version is already published', ru: 'Эта версия уже опубликована', kk: 'Бұл нұсқа бұрын жарияланған' },
    versionInForce: {
      en: 'Only the policy version in force can be accepted',
      ru: 'Принять можно только действующую версию политики',
      kk: 'Саясаттың тек қолданыстағы нұсқасын қабылдауға болады',
    },
    endsBeforeStarts: { en: 'endsOn must not be before startsOn', ru: 'Значение endsOn не должно быть раньше startsOn', kk: 'endsOn мәні startsOn мәнінен бұрын болмауы керек' },
    capacityBelowBooked: {
      en: 'capacity must not be below the seats already booked',
      ru: 'Значение capacity не может быть меньше числа уже забронированных мест',
      kk: 'capacity мәні брондалған орындар санынан аз болмауы керек',
    },
    variableMissing: {
      en: 'Variable "{variable}" of required type "{type}" was not provided.',
      ru: 'Не передана переменная "{variable}" обязательного типа "{type}".',
      kk: 'Міндетті "{type}" түріндегі "{variable}" айнымалысы берілмеген.',
    },
    variableNull: {
      en: 'Variable "{variable}" of non-null type "{type}" must not be null.',
      ru: 'Переменная "{variable}" типа "{type}" не может быть null.',
      kk: '"{type}" түріндегі "{variable}" айнымалысы null болмауы керек.',
    },
    variableInvalidAt: {
      en: 'Variable "{variable}" got an invalid value at {path}; {detail}',
      ru: 'Недопустимое значение переменной "{variable}" в {path}; {detail}',
      kk: '"{variable}" айнымалысының мәні жарамсыз ({path}); {detail}',
    },
    variableInvalid: {
      en: 'Variable "{variable}" got an invalid value; {detail}',
      ru: 'Недопустимое значение переменной "{variable}"; {detail}',
      kk: '"{variable}" айнымалысының мәні жарамсыз; {detail}',
    },
    variableUnsafeText: {
      en: 'Variable "{variable}" holds a string with a NUL character or a lone surrogate',
      ru: 'Переменная "{variable}" содержит строку с символом NUL или непарным суррогатом',
      kk: '"{variable}" айнымалысындағы жолда NUL таңбасы немесе жұпсыз суррогат бар',
    },
    unsafeText: {
      en: 'A string value with a NUL character or a lone surrogate',
      ru: 'Строковое значение содержит символ NUL или непарный суррогат',
      kk: 'Жол мәнінде NUL таңбасы немесе жұпсыз суррогат бар',
    },
    range: { en: '{field} must be {min} to {max}', ru: 'Поле {field} должно быть от {min} до {max}', kk: '{field} өрісі {min}–{max} аралығында болуы керек' },
    explainClientId: {
      en: 'clientId names the API client to explain as',
      ru: 'clientId указывает API-клиента, от имени которого выполняется объяснение',
      kk: 'clientId түсіндіру кімнің атынан орындалатын API клиентін көрсетеді',
    },
    explainNoClient: {
      en: 'No enabled API client of that kind has this clientId',
      ru: 'Нет включённого API-клиента такого вида с этим clientId',
      kk: 'Бұл clientId-мен осы түрдегі қосулы API клиенті жоқ',
    },
    explainScopes: { en: 'The client does not hold every scope named', ru: 'У клиента есть не все указанные области доступа', kk: 'Клиентте аталған рұқсат аяларының бәрі жоқ' },
    explainAccountId: {
      en: 'accountId names the account to explain as',
      ru: 'accountId указывает учётную запись, от имени которой выполняется объяснение',
      kk: 'accountId түсіндіру кімнің атынан орындалатын есептік жазбаны көрсетеді',
    },
    explainNoAccount: {
      en: 'No active account of that kind has this accountId',
      ru: 'Нет активной учётной записи такого вида с этим accountId',
      kk: 'Бұл accountId-мен осы түрдегі белсенді есептік жазба жоқ',
    },
    explainScopesClientsOnly: { en: 'Only API clients carry scopes', ru: 'Области доступа есть только у API-клиентов', kk: 'Рұқсат аялары тек API клиенттерінде болады' },
    explainClientKinds: {
      en: 'clientId is for PARTNER and PAYMENT_PROVIDER',
      ru: 'clientId указывается только для PARTNER и PAYMENT_PROVIDER',
      kk: 'clientId тек PARTNER және PAYMENT_PROVIDER үшін',
    },
    explainAccountKinds: {
      en: 'accountId is for travellers and staff',
      ru: 'accountId указывается только для путешественников и сотрудников',
      kk: 'accountId тек саяхатшылар мен қызметкерлер үшін',
    },
    explainAnonymous: { en: 'An anonymous caller has no account', ru: 'У анонимного пользователя нет учётной записи', kk: 'Анонимді пайдаланушының есептік жазбасы жоқ' },
    explainQueriesOnly: { en: 'Explain runs queries only', ru: 'В режиме объяснения выполняются только запросы на чтение', kk: 'Түсіндіру режимінде тек оқу сұраулары орындалады' },
    incidentReference: {
      en: "reference must be the authority's registration number (letters, digits, . _ / -)",
      ru: 'reference должен быть регистрационным номером уполномоченного органа (буквы, цифры, . _ / -)',
      kk: 'reference уәкілетті органның тіркеу нөмірі болуы керек (әріптер, сандар, . _ / -)',
    },
    notifiedFuture: { en: 'notifiedAt must not be in the future', ru: 'notifiedAt не может быть в будущем', kk: 'notifiedAt болашақ уақыт бола алмайды' },
    notifiedBefore: { en: 'notifiedAt must not precede the incident', ru: 'notifiedAt не может быть раньше инцидента', kk: 'notifiedAt инциденттен бұрын бола алмайды' },
    other: { en: '{detail}', ru: 'Неверные входные данные: {detail}', kk: 'Енгізілген деректер қате: {detail}' },
  },
  NOT_FOUND: {
    person: { en: 'Person not found', ru: 'Пользователь не найден', kk: 'Пайдаланушы табылмады' },
    account: { en: 'Account not found', ru: 'Учётная запись не найдена', kk: 'Есептік жазба табылмады' },
    staffAccount: { en: 'Staff account not found', ru: 'Учётная запись сотрудника не найдена', kk: 'Қызметкердің есептік жазбасы табылмады' },
    apiClient: { en: 'API client not found', ru: 'API-клиент не найден', kk: 'API клиенті табылмады' },
    tour: { en: 'Tour not found', ru: 'Тур не найден', kk: 'Тур табылмады' },
    booking: { en: 'Booking not found', ru: 'Бронирование не найдено', kk: 'Брондау табылмады' },
    payment: { en: 'Payment not found', ru: 'Платёж не найден', kk: 'Төлем табылмады' },
    refund: { en: 'Refund not found', ru: 'Возврат не найден', kk: 'Қаражатты қайтару табылмады' },
    review: { en: 'Review not found', ru: 'Отзыв не найден', kk: 'Пікір табылмады' },
    complaint: { en: 'Complaint not found', ru: 'Жалоба не найдена', kk: 'Шағым табылмады' },
    supportTicket: { en: 'Support ticket not found', ru: 'Обращение в поддержку не найдено', kk: 'Қолдау қызметіне өтініш табылмады' },
    fraudCase: { en: 'Fraud case not found', ru: 'Дело о мошенничестве не найдено', kk: 'Алаяқтық ісі табылмады' },
    authorityRequest: { en: 'Authority request not found', ru: 'Запрос уполномоченного органа не найден', kk: 'Уәкілетті органның сұрауы табылмады' },
    endpoint: { en: 'No such endpoint', ru: 'Такого адреса нет', kk: 'Мұндай мекенжай жоқ' },
    incident: { en: 'Incident not found', ru: 'Инцидент не найден', kk: 'Инцидент табылмады' },
  },
  UNAUTHENTICATED: {
    required: { en: 'Authentication required', ru: 'Нужно войти в систему', kk: 'Жүйеге кіру қажет' },
  },
  FORBIDDEN: {
    notAllowed: { en: 'Not allowed', ru: 'Доступ запрещён', kk: 'Рұқсат жоқ' },
    thisMachineOnly: {
      en: 'The development endpoints answer this machine only',
      ru: 'Адреса для разработки отвечают только на этой машине',
      kk: 'Әзірлеуге арналған мекенжайлар тек осы компьютерде жауап береді',
    },
    adminsAndAuditors: { en: 'Administrators and auditors only', ru: 'Только для администраторов и аудиторов', kk: 'Тек әкімшілер мен аудиторларға арналған' },
    notExplained: {
      en: 'This field acts for the caller and is not explained',
      ru: 'Это поле действует от имени вызывающего и не объясняется',
      kk: 'Бұл өріс сұраушының атынан әрекет етеді және түсіндірілмейді',
    },
    administrators: { en: 'Administrators only', ru: 'Только для администраторов', kk: 'Тек әкімшілерге арналған' },
    travellers: { en: 'Travellers only', ru: 'Только для путешественников', kk: 'Тек саяхатшыларға арналған' },
    staff: { en: 'Staff only', ru: 'Только для сотрудников', kk: 'Тек қызметкерлерге арналған' },
    auditors: { en: 'Auditors only, for the purpose AUDIT', ru: 'Только для аудиторов, с целью AUDIT', kk: 'Тек AUDIT мақсатындағы аудиторларға арналған' },
    analystsForAnalytics: {
      en: 'Analysts working for the ANALYTICS purpose only',
      ru: 'Только для аналитиков, работающих с целью ANALYTICS',
      kk: 'Тек ANALYTICS мақсатымен жұмыс істейтін талдаушыларға арналған',
    },
    analysts: { en: 'Analysts only', ru: 'Только для аналитиков', kk: 'Тек талдаушыларға арналған' },
    partners: { en: 'Tour partners only', ru: 'Только для партнёров-туроператоров', kk: 'Тек тур серіктестеріне арналған' },
    paymentProviders: { en: 'Payment providers only', ru: 'Только для платёжных провайдеров', kk: 'Тек төлем провайдерлеріне арналған' },
    moderators: { en: 'Moderators only', ru: 'Только для модераторов', kk: 'Тек модераторларға арналған' },
    authorities: { en: 'Authorities only', ru: 'Только для уполномоченных органов', kk: 'Тек уәкілетті органдарға арналған' },
    support: { en: 'Support staff only', ru: 'Только для сотрудников поддержки', kk: 'Тек қолдау қызметінің қызметкерлеріне арналған' },
    complaintHandlers: { en: 'Support and administrators only', ru: 'Только для поддержки и администраторов', kk: 'Тек қолдау қызметі мен әкімшілерге арналған' },
    scope: { en: 'The token lacks a required scope', ru: 'В токене нет нужной области доступа', kk: 'Токенде қажетті рұқсат аясы жоқ' },
    tourOwner: { en: "Only the tour's partner sees its bookings", ru: 'Бронирования тура видит только его партнёр', kk: 'Тур брондауларын тек оның серіктесі көреді' },
    accountNotActive: { en: 'The account is not active', ru: 'Учётная запись не активна', kk: 'Есептік жазба белсенді емес' },
    ownAccount: {
      en: 'An administrator cannot disable their own account',
      ru: 'Администратор не может отключить собственную учётную запись',
      kk: 'Әкімші өз есептік жазбасын өшіре алмайды',
    },
    budgetExhausted: {
      en: "Today's analytics privacy budget is spent; try again tomorrow (UTC)",
      ru: 'Бюджет приватности аналитики на сегодня исчерпан; повторите завтра (UTC)',
      kk: 'Аналитиканың бүгінгі құпиялық бюджеті таусылды; ертең қайталаңыз (UTC)',
    },
    tourHasBookings: {
      en: 'The dates of a tour with open or paid bookings cannot be moved; retire it and offer a new one',
      ru: 'Даты тура с открытыми или оплаченными бронированиями изменить нельзя; снимите его с продажи и предложите новый',
      kk: 'Ашық немесе төленген брондаулары бар турдың күндерін өзгертуге болмайды; оны сатылымнан алып, жаңа тур ұсыныңыз',
    },
    purposeHeaderTwice: {
      en: 'X-Purpose and X-Purpose-Ref may appear once',
      ru: 'Заголовки X-Purpose и X-Purpose-Ref можно передать только один раз',
      kk: 'X-Purpose және X-Purpose-Ref тақырыптарын бір рет қана беруге болады',
    },
    purposeRefMalformed: { en: 'X-Purpose-Ref is malformed', ru: 'Неверный формат X-Purpose-Ref', kk: 'X-Purpose-Ref пішімі қате' },
    purposeUnknown: { en: 'Unknown purpose', ru: 'Неизвестная цель', kk: 'Белгісіз мақсат' },
    purposeNotAllowed: {
      en: 'This caller may not declare that purpose',
      ru: 'Этот клиент не может указывать такую цель',
      kk: 'Бұл клиент мұндай мақсатты көрсете алмайды',
    },
  },
  RATE_LIMITED: {
    attempts: { en: 'Too many attempts; try again later', ru: 'Слишком много попыток; повторите позже', kk: 'Әрекет тым көп; кейінірек қайталаңыз' },
    requests: { en: 'Too many requests; retry later', ru: 'Слишком много запросов; повторите позже', kk: 'Сұрау тым көп; кейінірек қайталаңыз' },
  },
  SMS_NOT_DELIVERED: {
    retry: {
      en: 'The login code could not be sent; try again later',
      ru: 'Не удалось отправить код входа; повторите позже',
      kk: 'Кіру кодын жіберу мүмкін болмады; кейінірек қайталаңыз',
    },
  },
  UNAVAILABLE: {
    retry: { en: 'Service temporarily unavailable; retry later', ru: 'Сервис временно недоступен; повторите позже', kk: 'Қызмет уақытша қолжетімсіз; кейінірек қайталаңыз' },
  },
  DISCLOSURE_LOG_FAILED: {
    notRecorded: {
      en: 'The response could not be released because its disclosure could not be recorded',
      ru: 'Ответ не выдан: не удалось записать раскрытие данных в журнал',
      kk: 'Жауап берілмеді: деректердің ашылуын журналға жазу мүмкін болмады',
    },
  },
  INTERNAL_SERVER_ERROR: {
    quoteRequestId: {
      en: 'Internal error; quote request id {requestId} to support',
      ru: 'Внутренняя ошибка; сообщите в поддержку номер запроса {requestId}',
      kk: 'Ішкі қате; қолдау қызметіне сұрау нөмірін хабарлаңыз: {requestId}',
    },
  },
  QUERY_TOO_COMPLEX: {
    depth: { en: 'Query is too deep.', ru: 'Слишком глубокий запрос.', kk: 'Сұрау тым терең.' },
    aliases: { en: 'Query uses too many aliases.', ru: 'В запросе слишком много псевдонимов.', kk: 'Сұрауда бүркеншік аттар тым көп.' },
    directives: { en: 'Query uses too many directives.', ru: 'В запросе слишком много директив.', kk: 'Сұрауда директивалар тым көп.' },
    cost: { en: 'Query is too complex.', ru: 'Слишком сложный запрос.', kk: 'Сұрау тым күрделі.' },
    depthLimit: {
      en: 'Query depth limit of {max} exceeded, found {found}.',
      ru: 'Глубина запроса {found} превышает предел {max}.',
      kk: 'Сұрау тереңдігі {found}, бұл {max} шегінен асады.',
    },
    aliasLimit: {
      en: 'Aliases limit of {max} exceeded, found {found}.',
      ru: 'Псевдонимов в запросе {found}, это больше предела {max}.',
      kk: 'Сұраудағы бүркеншік аттар саны {found}, бұл {max} шегінен асады.',
    },
    directiveLimit: {
      en: 'Directives limit of {max} exceeded, found {found}.',
      ru: 'Директив в запросе {found}, это больше предела {max}.',
      kk: 'Сұраудағы директивалар саны {found}, бұл {max} шегінен асады.',
    },
    costLimit: { en: 'Query cost {cost} exceeds {max}', ru: 'Стоимость запроса {cost} превышает предел {max}', kk: 'Сұрау құны {cost}, бұл {max} шегінен асады' },
  },
  SUBSCRIPTIONS_NOT_SUPPORTED: {
    overHttp: {
      en: 'Subscriptions are not served over HTTP by this gateway',
      ru: 'Этот шлюз не обслуживает подписки по HTTP',
      kk: 'Бұл шлюз HTTP арқылы жазылымдарға қызмет көрсетпейді',
    },
  },
  GRAPHQL_PARSE_FAILED: {
    tokenLimit: {
      en: 'Syntax Error: Document contains more that {max} tokens. Parsing aborted.',
      ru: 'Синтаксическая ошибка: в документе больше {max} лексем, разбор прерван.',
      kk: 'Синтаксис қатесі: құжаттағы лексемалар саны {max} шегінен асады, талдау тоқтатылды.',
    },
    tooManyTokens: {
      en: 'Syntax Error: Document contains too many tokens. Parsing aborted.',
      ru: 'Синтаксическая ошибка: в документе слишком много лексем, разбор прерван.',
      kk: 'Синтаксис қатесі: құжатта лексемалар тым көп, талдау тоқтатылды.',
    },
    syntax: { en: 'Syntax Error: {detail}', ru: 'Синтаксическая ошибка: {detail}', kk: 'Синтаксис қатесі: {detail}' },
    other: { en: '{detail}', ru: 'Запрос не удалось разобрать: {detail}', kk: 'Сұрауды талдау мүмкін болмады: {detail}' },
  },
  GRAPHQL_VALIDATION_FAILED: {
    other: { en: '{detail}', ru: 'Запрос не соответствует схеме: {detail}', kk: 'Сұрау схемаға сәйкес келмейді: {detail}' },
  },
  BAD_REQUEST: {
    malformedJson: { en: 'Malformed JSON body', ru: 'Тело запроса не является корректным JSON', kk: 'Сұрау денесі дұрыс JSON емес' },
    emptyQuery: {
      en: 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.',
      ru: 'Операция GraphQL должна содержать непустой `query` или расширение `persistedQuery`.',
      kk: 'GraphQL операциясында бос емес `query` немесе `persistedQuery` кеңейтімі болуы керек.',
    },
    noBody: {
      en: 'POST body missing, invalid Content-Type, or JSON object has no keys.',
      ru: 'Нет тела POST-запроса, неверный Content-Type или в JSON-объекте нет ключей.',
      kk: 'POST сұрауының денесі жоқ, Content-Type қате немесе JSON нысанында кілттер жоқ.',
    },
    other: { en: '{detail}', ru: 'Некорректный запрос: {detail}', kk: 'Сұрау дұрыс құрылмаған: {detail}' },
  },
  TRUSTED_DOCUMENTS_ONLY: {
    registeredOnly: {
      en: 'This client may run registered documents only: send documentId (or extensions.persistedQuery.sha256Hash) instead of query',
      ru: 'Этот клиент может выполнять только зарегистрированные документы: передавайте documentId (или extensions.persistedQuery.sha256Hash) вместо query',
      kk: 'Бұл клиент тек тіркелген құжаттарды орындай алады: query орнына documentId (немесе extensions.persistedQuery.sha256Hash) жіберіңіз',
    },
  },
  PERSISTED_DOCUMENT_NOT_FOUND: {
    unknownId: {
      en: 'No document registered for this client has that id',
      ru: 'У этого клиента нет зарегистрированного документа с таким id',
      kk: 'Бұл клиентте мұндай идентификаторы бар тіркелген құжат жоқ',
    },
  },
  PAYLOAD_TOO_LARGE: {
    body: { en: 'Request body is too large', ru: 'Слишком большое тело запроса', kk: 'Сұрау денесі тым үлкен' },
  },
  METHOD_NOT_ALLOWED: {
    use: { en: 'Use {method}', ru: 'Используйте метод {method}', kk: '{method} әдісін қолданыңыз' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    json: { en: 'Send application/json', ru: 'Отправьте тело в формате application/json', kk: 'Денені application/json пішімінде жіберіңіз' },
  },
  // Apollo clients (Apollo Kotlin among them) compare this message to retry with the full query: it stays as it is.
  PERSISTED_QUERY_NOT_FOUND: {
    notFound: { en: 'PersistedQueryNotFound', ru: 'PersistedQueryNotFound', kk: 'PersistedQueryNotFound' },
    hashMismatch: { en: 'provided sha does not match query', ru: 'Переданный sha не соответствует запросу', kk: 'Берілген sha сұрауға сәйкес келмейді' },
  },
  OPERATION_RESOLUTION_FAILURE: {
    unknown: { en: 'Unknown operation named "{name}".', ru: 'Неизвестная операция "{name}".', kk: '"{name}" деген операция белгісіз.' },
    nameNeeded: {
      en: 'Must provide operation name if query contains multiple operations.',
      ru: 'Укажите имя операции: в запросе их несколько.',
      kk: 'Операция атауын көрсетіңіз: сұрауда бірнеше операция бар.',
    },
    missing: { en: 'Must provide an operation.', ru: 'Укажите операцию.', kk: 'Операцияны көрсетіңіз.' },
    other: { en: '{detail}', ru: 'Не удалось определить операцию: {detail}', kk: 'Операцияны анықтау мүмкін болмады: {detail}' },
  },
  TOKEN_MALFORMED: {
    malformed: {
      en: 'The Authorization header or the access token is malformed',
      ru: 'Неверный формат заголовка Authorization или токена доступа',
      kk: 'Authorization тақырыбының немесе қолжетімділік токенінің пішімі қате',
    },
  },
  TOKEN_EXPIRED: { expired: { en: 'The access token has expired', ru: 'Срок действия токена доступа истёк', kk: 'Қолжетімділік токенінің мерзімі өтті' } },
  TOKEN_NOT_YET_VALID: { notYet: { en: 'The access token is not valid yet', ru: 'Токен доступа ещё не действует', kk: 'Қолжетімділік токені әлі жарамсыз' } },
  TOKEN_AUDIENCE: {
    audience: { en: 'The access token is not meant for this service', ru: 'Токен доступа выдан не для этого сервиса', kk: 'Қолжетімділік токені бұл қызметке арналмаған' },
  },
  TOKEN_ISSUER: {
    issuer: { en: 'The access token comes from an untrusted issuer', ru: 'Токен доступа выдан недоверенным издателем', kk: 'Қолжетімділік токенін сенімсіз эмитент берген' },
  },
  TOKEN_ALGORITHM: {
    algorithm: {
      en: 'The access token uses a signing algorithm that is not accepted',
      ru: 'Токен доступа подписан недопустимым алгоритмом',
      kk: 'Қолжетімділік токені рұқсат етілмеген алгоритммен қол қойылған',
    },
  },
  TOKEN_UNKNOWN_KEY: {
    unknownKey: {
      en: 'The access token was signed with an unknown key',
      ru: 'Токен доступа подписан неизвестным ключом',
      kk: 'Қолжетімділік токені белгісіз кілтпен қол қойылған',
    },
  },
  TOKEN_TYPE: { type: { en: 'The token is not an access token', ru: 'Это не токен доступа', kk: 'Бұл қолжетімділік токені емес' } },
  TOKEN_SIGNATURE: {
    signature: { en: 'The access token signature is invalid', ru: 'Подпись токена доступа недействительна', kk: 'Қолжетімділік токенінің қолтаңбасы жарамсыз' },
  },
  TOKEN_CLAIMS: {
    claims: {
      en: 'The access token lacks required claims or has invalid ones',
      ru: 'В токене доступа нет обязательных утверждений (claims) или они неверны',
      kk: 'Қолжетімділік токенінде міндетті мәлімдемелер (claims) жоқ немесе олар қате',
    },
  },
  TOKEN_REVOKED: { revoked: { en: 'The access token has been revoked', ru: 'Токен доступа отозван', kk: 'Қолжетімділік токенінің күші жойылған' } },
  TOKEN_ROLE: {
    role: {
      en: 'The access token names no role that maps to exactly one staff kind',
      ru: 'В токене доступа нет роли, которая соответствует ровно одному виду сотрудников',
      kk: 'Қолжетімділік токенінде қызметкерлердің дәл бір түріне сәйкес келетін рөл жоқ',
    },
  },
  TOKEN_CLIENT: {
    client: {
      en: 'The access token names no registered, enabled client that may hold it',
      ru: 'Токен доступа не указывает зарегистрированного и включённого клиента, которому он может принадлежать',
      kk: 'Қолжетімділік токенінде оны иелене алатын тіркелген әрі қосулы клиент көрсетілмеген',
    },
  },
  INSUFFICIENT_SCOPE: {
    scope: {
      en: 'The access token does not grant the required scope',
      ru: 'Токен доступа не даёт нужной области доступа',
      kk: 'Қолжетімділік токені қажетті рұқсат аясын бермейді',
    },
  },
  KEYS_UNAVAILABLE: { keys: { en: 'The token signing keys are unavailable', ru: 'Ключи подписи токенов недоступны', kk: 'Токендерге қол қою кілттері қолжетімсіз' } },
  // OAuth 2.0 token endpoint (RFC 6749 5.2): the `error` codes stay; these are their `error_description`s.
  invalid_request: {
    usePost: { en: 'Use POST', ru: 'Используйте POST', kk: 'POST әдісін қолданыңыз' },
    oneAuthorization: {
      en: 'Only one Authorization header is allowed',
      ru: 'Допускается только один заголовок Authorization',
      kk: 'Тек бір Authorization тақырыбына рұқсат етіледі',
    },
    bodyType: { en: 'The request body must be {type}', ru: 'Тело запроса должно быть в формате {type}', kk: 'Сұрау денесі {type} пішімінде болуы керек' },
    repeatedParameter: { en: 'A parameter was sent more than once', ru: 'Параметр передан более одного раза', kk: 'Параметр бірнеше рет жіберілген' },
    oneMethod: {
      en: 'Use exactly one client authentication method',
      ru: 'Используйте ровно один способ аутентификации клиента',
      kk: 'Клиент аутентификациясының дәл бір тәсілін қолданыңыз',
    },
    clientIdMismatch: {
      en: 'client_id does not match the Basic credentials',
      ru: 'client_id не совпадает с учётными данными Basic',
      kk: 'client_id Basic тіркелгі деректерімен сәйкес келмейді',
    },
    grantTypeMissing: { en: 'grant_type is required', ru: 'Нужен параметр grant_type', kk: 'grant_type параметрі қажет' },
  },
  invalid_client: {
    basicOrBody: {
      en: 'Client authentication must use HTTP Basic or the request body',
      ru: 'Аутентификация клиента — только через HTTP Basic или тело запроса',
      kk: 'Клиент аутентификациясы тек HTTP Basic немесе сұрау денесі арқылы жүреді',
    },
    malformedBasic: { en: 'Malformed Basic credentials', ru: 'Неверный формат учётных данных Basic', kk: 'Basic тіркелгі деректерінің пішімі қате' },
    required: { en: 'Client authentication is required', ru: 'Нужна аутентификация клиента', kk: 'Клиент аутентификациясы қажет' },
    failed: { en: 'Client authentication failed', ru: 'Аутентификация клиента не пройдена', kk: 'Клиент аутентификациядан өтпеді' },
    tooManyFailures: {
      en: 'Too many failed client authentications; retry later',
      ru: 'Слишком много неудачных попыток аутентификации клиента; повторите позже',
      kk: 'Клиент аутентификациясының сәтсіз әрекеттері тым көп; кейінірек қайталаңыз',
    },
  },
  unsupported_grant_type: {
    clientCredentials: { en: 'Only client_credentials is supported', ru: 'Поддерживается только client_credentials', kk: 'Тек client_credentials қолдау көрсетіледі' },
  },
  invalid_scope: {
    malformed: { en: 'The scope parameter is malformed', ru: 'Неверный формат параметра scope', kk: 'scope параметрінің пішімі қате' },
    exceeds: {
      en: 'The requested scope exceeds what this client may have',
      ru: 'Запрошенная область доступа шире разрешённой этому клиенту',
      kk: 'Сұралған рұқсат аясы бұл клиентке рұқсат етілгеннен кең',
    },
  },
  // Refusals returned as union results, by their reason.
  OBLIGATION_PENDING: {
    paidTour: {
      en: 'Consent to tour booking cannot be withdrawn while a paid tour has not ended; it can be once the tour is over or the booking is cancelled',
      ru: 'Согласие на бронирование туров нельзя отозвать, пока не закончился оплаченный тур; это можно сделать после окончания тура или отмены бронирования',
      kk: 'Төленген тур аяқталмайынша турды брондауға берілген келісімді кері қайтарып алуға болмайды; мұны тур аяқталған соң немесе брондаудан бас тартқан соң жасауға болады',
    },
  },
};

/** What stands in an error message for a value it does not repeat. */
export const VALUE_WITHHELD: MessageTexts = { en: '[value withheld]', ru: '[значение скрыто]', kk: '[мән жасырылған]' };

/** What a reader sees where personal data was taken out of a text (src/privacy/free-text.masks.ts), by the kind it was. */
export const HIDDEN_IN_TEXT: Readonly<Record<'IIN' | 'PHONE' | 'EMAIL' | 'PASSPORT', MessageTexts>> = {
  IIN: { en: '[IIN hidden]', ru: '[ИИН скрыт]', kk: '[ЖСН жасырылған]' },
  PHONE: { en: '[phone hidden]', ru: '[телефон скрыт]', kk: '[телефон жасырылған]' },
  EMAIL: { en: '[e-mail hidden]', ru: '[e-mail скрыт]', kk: '[e-mail жасырылған]' },
  PASSPORT: { en: '[document hidden]', ru: '[документ скрыт]', kk: '[құжат жасырылған]' },
};
