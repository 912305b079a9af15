// Issued documents (文书) over HTTP:
//   GET /api/v1/matters/{id}/documents/{template}
// where the last segment is NAME.pdf or NAME.docx and NAME is a template of
// definitions/templates. Any signed-in user may call it; the matter's scope
// decides (MatterService::Get): a matter outside it is 404, like an unknown
// template, format or a template not made for the matter's kind. A template
// with requires_number answers 409 state_conflict until the matter has its
// 文号. Each call renders afresh (no cache) on the worker pool; PDFs are
// rendered one at a time through one shared PdfWriter (its font map holds
// the CJK faces once), DOCX in parallel. The response is a download
// (Content-Disposition attachment, Cache-Control no-store).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "api/api.h"
#include "base/clock.h"
#include "calendar/calendar.h"
#include "documents/fonts.h"
#include "documents/template.h"
#include "engine/matter_service.h"
#include "identity/identity_service.h"

namespace fazhi::api {

// Display names of org and user references held in a matter's fields
// ("" when unknown).
struct NameLookup {
  std::function<std::string(int64_t)> org;
  std::function<std::string(int64_t)> user;
};

// What a template is filled with, from a matter the caller may read. Pure.
// Field values become display text by their type in `kind` (null: raw
// text): org and user ids → names, party → the masked name already stored
// (never a clear value), matter links → the linked matter's 文号 or title,
// attachments → file name, dates → 2024年10月8日, money → 1234.50元.
documents::DocumentData DocumentDataFor(const engine::MatterView& m, const engine::KindDef* kind,
                                        const NameLookup& names, const calendar::Date& issued_on);

// Loads every template in `template_dir` and registers the route. Returns
// the loading error ("FILE:LINE: …", code invalid_template) without
// registering anything; the server should refuse to start then.
// The services and clock must outlive `api`. The issue date ({date}) is the
// day the matter was closed, or today for a matter still open.
Status AddDocumentRoutes(Api& api, engine::MatterService& matters, identity::IdentityService& identity,
                         const Clock& clock, const std::string& template_dir,
                         const documents::FontMap& fonts = {});

}  // namespace fazhi::api
