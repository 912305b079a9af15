// Lists and full-text search: the caller's readable matters, filtered,
// sorted and paged, with their total.
//
// Each page is read in two steps. First the page's ids, from the filter and
// sort columns alone: for the usual filters (kind, state, scope) the covering
// index matters_list holds all of them, so no matter row is read for the rows
// that are counted or skipped. Then the page's rows, with org and assignee
// names, by id.
//
// The default order (due date ascending, matters without a due date last,
// newest first among equals) is read from matters_list in index order, in two
// parts: the dated matters, then the undated ones; one count query gives the
// size of both, so no sort runs.
//
// A search walks the bigram index newest first (SQLite: FTS5 in rowid order,
// which is the matter id) and stops as soon as the page is full. Counting
// every hit of a common word would read most of the table, so a search counts
// its readable hits only up to kSearchCountPages pages past the start of the
// requested page (at least kSearchCountMin): total is then that many and
// total_capped says there are more. Paging further counts further.
//
// Pages of lists (not of searches: the SQLite search index is a virtual table
// no trigger watches) are kept under the content version (read_cache.h),
// keyed by their statement and parameters, which include the caller's scope;
// their traffic lights are computed again for today on every request.
#include <algorithm>
#include <set>

#include "engine/matter_internal.h"
#include "engine/text_index.h"

namespace fazhi::engine {

using store::Transaction;
using store::Value;

namespace {

constexpr int64_t kSearchCountPages = 10;
constexpr int64_t kSearchCountMin = 200;

// FROM and WHERE of a list query over `matters m`, with the WHERE's parameters.
struct ListSql {
  std::string from = "matters m";
  std::string where;
  std::vector<Value> params;
};

// All of the query's tokens must be present. SQLite joins the FTS5 table (its
// rowid is the matter id) so that hits come in id order; PostgreSQL keeps the
// tsvector condition.
void AddSearch(store::Dialect d, const std::vector<std::string>& tokens, ListSql* sql) {
  std::string expr;
  for (const auto& t : tokens) {
    if (d == store::Dialect::kSqlite) {
      expr += (expr.empty() ? "\"" : " AND \"") + t + "\"";
    } else {
      expr += (expr.empty() ? "" : " ") + t;
    }
  }
  if (d == store::Dialect::kSqlite) {
    sql->from = "matter_search s JOIN matters m ON m.id = s.rowid";
    sql->where += " AND s.matter_search MATCH ?";
  } else {
    sql->where +=
        " AND m.id IN (SELECT matter_id FROM matter_search WHERE to_tsvector('simple', tokens) @@ "
        "plainto_tsquery('simple', ?))";
  }
  sql->params.push_back(expr);
}

// The summaries of the page whose ids `ids_sql` selects (as pid, ending in
// LIMIT ? OFFSET ?), in `order` (over m).
std::string PageSql(const std::string& ids_sql, const std::string& order) {
  return std::string("SELECT ") + kSummaryColumns + " FROM (" + ids_sql +
         ") page JOIN matters m ON m.id = page.pid JOIN orgs o ON o.id = m.org_id "
         "LEFT JOIN users u ON u.id = m.assignee_id ORDER BY " +
         order;
}

}  // namespace

Result<Page<MatterSummary>> MatterService::List(const identity::Principal& p, const ListQuery& q) {
  auto shared = ListShared(p, q);
  if (!shared.ok()) return shared.status();
  Page<MatterSummary> out = *shared->page;
  for (size_t i = 0; i < out.items.size(); ++i) out.items[i].light = shared->lights[i];
  return out;
}

Result<ListPage> MatterService::ListShared(const identity::Principal& p, const ListQuery& q) {
  Page<MatterSummary> out;
  std::shared_ptr<const Page<MatterSummary>> hit;
  if (!p.Can("matter:read")) return ListPage{std::make_shared<const Page<MatterSummary>>(), {}};
  auto cal = calendar_.Current();
  const calendar::Date today = ChinaDate(clock_.NowMs());
  ListSql sql;
  sql.where = ScopeSql(p, &sql.params);
  if (!q.kind.empty()) {
    sql.where += " AND m.kind = ?";
    sql.params.push_back(q.kind);
  }
  if (!q.state.empty()) {
    sql.where += " AND m.state = ?";
    sql.params.push_back(q.state);
  }
  if (q.org_id) {
    sql.where += " AND m.org_id = ?";
    sql.params.push_back(q.org_id);
  }
  if (q.assignee_me) {
    sql.where += " AND m.assignee_id = ?";
    sql.params.push_back(p.user_id);
  }
  if (q.due == "overdue") {
    sql.where += " AND m.due_on IS NOT NULL AND m.due_on < ? AND m.suspended = 0";
    sql.params.push_back(today.ToString());
  } else if (q.due == "soon") {
    // Due within 3 working days (or 7 calendar days if the calendar is missing).
    std::string limit = today.AddDays(7).ToString();
    if (cal) {
      auto d = cal->AddWorkingDays(today, 3);
      if (d.ok()) limit = d->ToString();
    }
    sql.where += " AND m.due_on IS NOT NULL AND m.due_on >= ? AND m.due_on <= ? AND m.suspended = 0";
    sql.params.push_back(today.ToString());
    sql.params.push_back(limit);
  }
  const bool search = !q.q.empty();
  if (search) {
    auto tokens = QueryTokens(q.q);
    if (tokens.empty()) return ListPage{std::make_shared<const Page<MatterSummary>>(), {}};  // nothing searchable
    AddSearch(db_.dialect(), tokens, &sql);
  }
  static const std::set<std::string> kSort = {"due_on", "received_at", "updated_at", "title", "number", "state", "id"};
  // A search without an explicit order lists the newest hits first.
  const std::string sort = kSort.count(q.sort) ? q.sort : (search ? "id" : "due_on");
  const std::string order = q.order == "desc" ? "DESC" : "ASC";
  const int64_t limit = q.page_size;
  const int64_t offset = static_cast<int64_t>(q.page - 1) * q.page_size;
  const std::string from_where = " FROM " + sql.from + " WHERE " + sql.where;
  // Not searches: see the top of this file.
  const std::string cache_key =
      search ? std::string()
             : SqlCacheKey(from_where + " ORDER BY " + sort + " " + order + " LIMIT " + std::to_string(limit) +
                               " OFFSET " + std::to_string(offset),
                           sql.params);
  // Signed in by a session: the version read with it finds the page without
  // a read of our own.
  if (!search && p.content_version) hit = caches_->lists.Find(cache_key, *p.content_version);
  int64_t version = 0;
  Status st = hit ? Status::Ok() : db_.Read([&](Transaction& tx) {
    if (!search) {
      auto v = ContentVersion(tx);
      if (!v.ok()) return v.status();
      version = *v;
      if ((hit = caches_->lists.Find(cache_key, version))) return Status::Ok();
    }

    // Appends the rows of one page query (ids_sql + LIMIT ? OFFSET ?).
    auto read_page = [&](const std::string& ids_sql, const std::string& page_order, int64_t n, int64_t skip) {
      std::vector<Value> params = sql.params;
      params.push_back(n);
      params.push_back(skip);
      auto rows = tx.Query(PageSql(ids_sql, page_order), params);
      if (!rows.ok()) return rows.status();
      for (const auto& r : rows->rows) out.items.push_back(SummaryFromRow(r, kinds_, cal.get(), today));
      return Status::Ok();
    };

    if (!search && sort == "due_on" && order == "ASC") {
      auto count = tx.Query("SELECT COUNT(*), COUNT(m.due_on)" + from_where, sql.params);
      if (!count.ok()) return count.status();
      out.total = count->rows[0].Int(0);
      const int64_t dated = count->rows[0].Int(1);
      if (offset < dated) {
        FAZHI_RETURN_IF_ERROR(read_page("SELECT m.id AS pid" + from_where +
                                            " AND m.due_on IS NOT NULL ORDER BY m.due_on, m.id DESC LIMIT ? OFFSET ?",
                                        "m.due_on, m.id DESC", limit, offset));
      }
      const int64_t have = static_cast<int64_t>(out.items.size());
      if (have < limit && offset + have < out.total) {
        FAZHI_RETURN_IF_ERROR(read_page("SELECT m.id AS pid" + from_where +
                                            " AND m.due_on IS NULL ORDER BY m.id DESC LIMIT ? OFFSET ?",
                                        "m.id DESC", limit - have, std::max<int64_t>(0, offset - dated)));
      }
      return Status::Ok();
    }

    if (search) {
      const int64_t cap = std::max(kSearchCountMin, offset + limit * kSearchCountPages);
      std::vector<Value> params = sql.params;
      params.push_back(cap + 1);
      auto count = tx.Query("SELECT COUNT(*) FROM (SELECT 1" + from_where + " LIMIT ?) capped", params);
      if (!count.ok()) return count.status();
      out.total = std::min(count->rows[0].Int(0), cap);
      out.total_capped = count->rows[0].Int(0) > cap;
    } else {
      auto count = tx.Query("SELECT COUNT(*)" + from_where, sql.params);
      if (!count.ok()) return count.status();
      out.total = count->rows[0].Int(0);
    }
    const std::string dir = sort == "id" && q.sort.empty() ? "DESC" : order;
    std::string order_by = sort == "due_on" ? "(m.due_on IS NULL), m.due_on " + order : "m." + sort + " " + dir;
    order_by += ", m.id DESC";
    // Newest hits first: SQLite reads them from FTS5 in that order.
    const bool fts_order = search && sort == "id" && dir == "DESC" && tx.dialect() == store::Dialect::kSqlite;
    return read_page("SELECT m.id AS pid" + from_where + " ORDER BY " + (fts_order ? "s.rowid DESC" : order_by) +
                         " LIMIT ? OFFSET ?",
                     order_by, limit, offset);
  });
  if (!st.ok()) return st;
  ListPage result;
  if (hit) {
    result.page = std::move(hit);
  } else {
    result.page = std::make_shared<const Page<MatterSummary>>(std::move(out));
    if (!cache_key.empty()) caches_->lists.Put(cache_key, version, result.page);
  }
  result.lights.reserve(result.page->items.size());
  for (const auto& row : result.page->items) result.lights.push_back(SummaryLight(row, kinds_, cal.get(), today));
  return result;
}

}  // namespace fazhi::engine
