#include "api/document_routes.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <memory>

#include "api/errors.h"
#include "api/identity_views.h"
#include "base/ids.h"
#include "documents/docx_writer.h"
#include "documents/pdf_writer.h"
#include "engine/deadline_clock.h"

namespace fazhi::api {
namespace {

using Templates = std::map<std::string, documents::Template>;

constexpr char kPdfType[] = "application/pdf";
constexpr char kDocxType[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

documents::IssueDate ToIssueDate(const calendar::Date& d) { return {d.year, d.month, d.day}; }

// "2024-10-08" → 2024年10月8日; anything else unchanged.
std::string DateText(const std::string& iso) {
  auto d = calendar::Date::Parse(iso);
  return d.ok() ? documents::ChineseDate(ToIssueDate(d.value())) : iso;
}

std::string Reference(const engine::Json& v) {
  return v.is_string() ? v.get<std::string>() : std::string();
}

std::string FieldText(const engine::MatterView& m, const engine::FieldDef* f, const std::string& key,
                      const engine::Json& v, const NameLookup& names) {
  if (f == nullptr) return engine::DisplayText(v);
  switch (f->type) {
    case engine::FieldType::kOrg: {
      const int64_t id = IdFromString(Reference(v));
      return id && names.org ? names.org(id) : "";
    }
    case engine::FieldType::kUser: {
      const int64_t id = IdFromString(Reference(v));
      return id && names.user ? names.user(id) : "";
    }
    case engine::FieldType::kMatterLink:
      for (const auto& l : m.links)
        if (l.field == key && l.direction == "out" && IdToString(l.id) == Reference(v))
          return l.number.empty() ? l.title : l.number;
      return "";
    case engine::FieldType::kAttachment:
      for (const auto& a : m.attachments)
        if (IdToString(a.id) == Reference(v)) return a.name;
      return "";
    case engine::FieldType::kDate:
      return DateText(Reference(v));
    case engine::FieldType::kMoney: {
      if (!v.is_number()) return engine::DisplayText(v);
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f元", v.get<double>());
      return buf;
    }
    case engine::FieldType::kParty:  // the stored object holds masked values only
    default:
      return engine::DisplayText(v);
  }
}


// "generic_notice.pdf" → ("generic_notice", "pdf"); false when malformed.
bool SplitTemplateSegment(const std::string& segment, std::string* name, std::string* format) {
  const size_t dot = segment.rfind('.');
  if (dot == std::string::npos || dot == 0) return false;
  *name = segment.substr(0, dot);
  *format = segment.substr(dot + 1);
  return *format == "pdf" || *format == "docx";
}

NameLookup IdentityNames(identity::IdentityService& identity) {
  NameLookup names;
  names.org = [&identity](int64_t id) -> std::string {
    auto orgs = identity.ListOrgs();
    if (!orgs.ok()) return "";
    for (const auto& o : orgs.value())
      if (o.id == id) return o.name;
    return "";
  };
  names.user = [&identity](int64_t id) -> std::string {
    auto u = identity.GetUser(id);
    return u.ok() ? u->display_name : "";
  };
  return names;
}

}  // namespace

documents::DocumentData DocumentDataFor(const engine::MatterView& m, const engine::KindDef* kind,
                                        const NameLookup& names, const calendar::Date& issued_on) {
  documents::DocumentData d;
  d.number = m.number;
  d.title = m.title;
  d.org_name = m.org_name;
  d.date = ToIssueDate(issued_on);
  if (m.fields.is_object()) {
    for (auto it = m.fields.begin(); it != m.fields.end(); ++it) {
      const engine::FieldDef* f = kind ? kind->Field(it.key()) : nullptr;
      d.fields[it.key()] = FieldText(m, f, it.key(), it.value(), names);
    }
  }
  return d;
}

Status AddDocumentRoutes(Api& api, engine::MatterService& matters, identity::IdentityService& identity,
                         const Clock& clock, const std::string& template_dir,
                         const documents::FontMap& fonts) {
  auto loaded = documents::LoadTemplates(template_dir);
  if (!loaded.ok()) return loaded.status();
  auto templates = std::make_shared<const Templates>(std::move(loaded).value());
  const NameLookup names = IdentityNames(identity);
  auto pdf = std::make_shared<const documents::PdfWriter>(fonts);

  api.Session("GET", "/api/v1/matters/{id}/documents/{template}",
              [&matters, &clock, templates, names, pdf, fonts](Call& c) {
    std::string name, format;
    if (!SplitTemplateSegment(c.req.Param("template"), &name, &format))
      return ErrorResponse(404, "not_found", "文书格式不支持，请使用 .pdf 或 .docx");
    auto t = templates->find(name);
    if (t == templates->end()) return ErrorResponse(404, "not_found", "文书模板不存在");
    auto m = matters.Get(*c.principal, PathId(c.req));
    if (!m.ok()) return ErrorResponse(m.status());
    if (!t->second.AppliesTo(m->kind)) return ErrorResponse(404, "not_found", "该事项类型没有此文书");
    if (t->second.requires_number && m->number.empty())
      return ErrorResponse(409, "state_conflict", "事项尚未编定文号，暂不能出具此文书");

    const calendar::Date issued_on = engine::ChinaDate(m->closed_at ? m->closed_at : clock.NowMs());
    const documents::Document doc = documents::Render(
        t->second, DocumentDataFor(m.value(), matters.kinds().Find(m->kind), names, issued_on));
    auto bytes = format == "pdf" ? pdf->Write(doc) : documents::WriteDocx(doc, fonts);
    if (!bytes.ok()) return ErrorResponse(bytes.status());
    if (Status st = matters.RecordExport(*c.principal, m->id, name + "." + format, c.req.remote_ip); !st.ok())
      return ErrorResponse(st);

    http::Response r;
    r.body = std::move(bytes).value();
    r.Set("Content-Type", format == "pdf" ? kPdfType : kDocxType);
    r.Set("Content-Disposition", AttachmentDisposition(doc.file_stem + "." + format));
    r.Set("Cache-Control", "private, no-store");
    return r;
  });
  api.MarkSlow("GET", "/api/v1/matters/{id}/documents/{template}");  // rendering, then an audited download
  return Status::Ok();
}

}  // namespace fazhi::api
