import { Migration20261124192332 } from './Migration20261124192332.js';
import { Migration20261124201500_account_erasures } from './Migration20261124201500_account_erasures.js';
import { Migration20261124202700_analytics_budget } from './Migration20261124202700_analytics_budget.js';
import { Migration20261124204000_payment_uniques } from './Migration20261124204000_payment_uniques.js';
import { Migration20261124210000_tours_partner_index } from './Migration20261124210000_tours_partner_index.js';
import { Migration20261124220000_user_keys } from './Migration20261124220000_user_keys.js';
import { Migration20261124220100_drop_plain_pii } from './Migration20261124220100_drop_plain_pii.js';
import { Migration20261124221000_disclosures_at_index } from './Migration20261124221000_disclosures_at_index.js';
import { Migration20261124230000_sealed_texts } from './Migration20261124230000_sealed_texts.js';
import { Migration20261124230100_drop_plain_texts } from './Migration20261124230100_drop_plain_texts.js';
import { Migration20261124233000_sessions_previous_hashes_index } from './Migration20261124233000_sessions_previous_hashes_index.js';
import { Migration20261126100000_edge_bound_exposure } from './Migration20261126100000_edge_bound_exposure.js';
import { Migration20261126110000_users_oidc_subject } from './Migration20261126110000_users_oidc_subject.js';
import { Migration20261126120000_reference_records } from './Migration20261126120000_reference_records.js';
import { Migration20261126140000_disclosures_caller_request_id } from './Migration20261126140000_disclosures_caller_request_id.js';
import { Migration20261126150000_analytics_releases } from './Migration20261126150000_analytics_releases.js';
import { Migration20261126150100_review_author_erasable } from './Migration20261126150100_review_author_erasable.js';
import { Migration20261126150200_remask_free_text } from './Migration20261126150200_remask_free_text.js';
import { Migration20261126160000_disclosures_by_month } from './Migration20261126160000_disclosures_by_month.js';
import { Migration20261126170000_bookings_user_created_index } from './Migration20261126170000_bookings_user_created_index.js';
import { Migration20261126171000_booking_states } from './Migration20261126171000_booking_states.js';
import { Migration20261126172000_refunds } from './Migration20261126172000_refunds.js';
import { Migration20261126180000_auth_standing_notify } from './Migration20261126180000_auth_standing_notify.js';
import { Migration20261126200000_date_changes } from './Migration20261126200000_date_changes.js';
import { Migration20261126300000_app_clients } from './Migration20261126300000_app_clients.js';
import { Migration20261126300100_trusted_documents } from './Migration20261126300100_trusted_documents.js';
import { Migration20261126300200_trusted_documents_standing } from './Migration20261126300200_trusted_documents_standing.js';
import { Migration20261126400000_explain_requests } from './Migration20261126400000_explain_requests.js';
import { Migration20261126400100_privacy_incidents } from './Migration20261126400100_privacy_incidents.js';
import { Migration20261126500000_stored_placeholders_en } from './Migration20261126500000_stored_placeholders_en.js';

// Listed explicitly so that migrations run the same from source, tests and the CLI.
export const MIGRATIONS = [
  { name: 'Migration20261124192332', class: Migration20261124192332 },
  { name: 'Migration20261124201500_account_erasures', class: Migration20261124201500_account_erasures },
  { name: 'Migration20261124202700_analytics_budget', class: Migration20261124202700_analytics_budget },
  { name: 'Migration20261124204000_payment_uniques', class: Migration20261124204000_payment_uniques },
  { name: 'Migration20261124210000_tours_partner_index', class: Migration20261124210000_tours_partner_index },
  { name: 'Migration20261124220000_user_keys', class: Migration20261124220000_user_keys },
  { name: 'Migration20261124220100_drop_plain_pii', class: Migration20261124220100_drop_plain_pii },
  { name: 'Migration20261124221000_disclosures_at_index', class: Migration20261124221000_disclosures_at_index },
  { name: 'Migration20261124230000_sealed_texts', class: Migration20261124230000_sealed_texts },
  { name: 'Migration20261124230100_drop_plain_texts', class: Migration20261124230100_drop_plain_texts },
  { name: 'Migration20261124233000_sessions_previous_hashes_index', class: Migration20261124233000_sessions_previous_hashes_index },
  { name: 'Migration20261126100000_edge_bound_exposure', class: Migration20261126100000_edge_bound_exposure },
  { name: 'Migration20261126110000_users_oidc_subject', class: Migration20261126110000_users_oidc_subject },
  { name: 'Migration20261126120000_reference_records', class: Migration20261126120000_reference_records },
  { name: 'Migration20261126140000_disclosures_caller_request_id', class: Migration20261126140000_disclosures_caller_request_id },
  { name: 'Migration20261126150000_analytics_releases', class: Migration20261126150000_analytics_releases },
  { name: 'Migration20261126150100_review_author_erasable', class: Migration20261126150100_review_author_erasable },
  { name: 'Migration20261126150200_remask_free_text', class: Migration20261126150200_remask_free_text },
  { name: 'Migration20261126160000_disclosures_by_month', class: Migration20261126160000_disclosures_by_month },
  { name: 'Migration20261126170000_bookings_user_created_index', class: Migration20261126170000_bookings_user_created_index },
  { name: 'Migration20261126171000_booking_states', class: Migration20261126171000_booking_states },
  { name: 'Migration20261126172000_refunds', class: Migration20261126172000_refunds },
  { name: 'Migration20261126180000_auth_standing_notify', class: Migration20261126180000_auth_standing_notify },
  { name: 'Migration20261126200000_date_changes', class: Migration20261126200000_date_changes },
  { name: 'Migration20261126300000_app_clients', class: Migration20261126300000_app_clients },
  { name: 'Migration20261126300100_trusted_documents', class: Migration20261126300100_trusted_documents },
  { name: 'Migration20261126300200_trusted_documents_standing', class: Migration20261126300200_trusted_documents_standing },
  { name: 'Migration20261126400000_explain_requests', class: Migration20261126400000_explain_requests },
  { name: 'Migration20261126400100_privacy_incidents', class: Migration20261126400100_privacy_incidents },
  { name: 'Migration20261126500000_stored_placeholders_en', class: Migration20261126500000_stored_placeholders_en },
];

/** openDatabase seals legacy personal values between these two (the second drops their plain columns). */
export const BEFORE_PLAIN_PII_DROP = 'Migration20261124220000_user_keys';
export const PLAIN_PII_DROP = 'Migration20261124220100_drop_plain_pii';

/** openDatabase seals the texts of complaints, reports and tickets between these two (the second drops their plain columns). */
export const BEFORE_PLAIN_TEXT_DROP = 'Migration20261124230000_sealed_texts';
export const PLAIN_TEXT_DROP = 'Migration20261124230100_drop_plain_texts';
