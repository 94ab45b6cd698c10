#include "store/cluster_feed.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <random>

#include "store/raw_connection.hpp"

namespace zwgk::store {

namespace {

constexpr std::size_t kMaxPayload = 7000;  // NOTIFY payloads must stay under 8000 bytes


std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto nl = s.find('\n', start);
    const auto end = nl == std::string::npos ? s.size() : nl;
    if (end > start) out.push_back(s.substr(start, end - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace

ClusterFeed::ClusterFeed(Database::Impl& impl) : impl_(impl), node_id_(impl.node_id) {
  thread_ = std::thread([this] { impl_.backend == Backend::Sqlite ? run_sqlite() : run(); });
  std::unique_lock lock(mutex_);
  if (!cv_.wait_for(lock, std::chrono::seconds(5), [this] { return listening_; }))
    spdlog::warn("cluster notifications: not listening yet, continuing in the background");
}

ClusterFeed::~ClusterFeed() {
  stop_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

namespace {

std::string join_lines(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : "\n") + t;
  return out;
}

void publish_sqlite(Database::Impl& impl, const std::vector<std::string>& tags) {
  Lease lease(impl);
  std::string origin = impl.node_id, text = join_lines(tags), at = now_utc_iso();
  lease.sql() << "INSERT INTO change_events (origin, tags, created_at) VALUES (:o, :t, :a)", soci::use(origin, "o"),
      soci::use(text, "t"), soci::use(at, "a");
  long long id = 0;
  lease.sql() << "SELECT last_insert_rowid()", soci::into(id);
  if (id % 256 == 0) {  // keep the table small: listeners only ever need the last seconds
    lease.sql() << "DELETE FROM change_events WHERE id < :keep", soci::use(id - 10000, "keep");
  }
}

void publish_pg(Database::Impl& impl, const std::vector<std::string>& tags) {
  const std::string& node_id = impl.node_id;
  std::vector<std::string> payloads;
  std::string cur = node_id;
  for (const auto& t : tags) {
    if (t.size() + 1 > kMaxPayload - node_id.size()) continue;  // no tag is this long
    if (cur.size() + 1 + t.size() > kMaxPayload) {
      payloads.push_back(cur);
      cur = node_id;
    }
    cur += "\n" + t;
  }
  if (cur.size() > node_id.size()) payloads.push_back(cur);
  Lease lease(impl);
  PGconn* conn = raw_pg(lease.sql());
  for (const auto& p : payloads) {
    const char* values[2] = {ClusterFeed::kChannel, p.c_str()};
    PGresult* r = PQexecParams(conn, "SELECT pg_notify($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);
    const bool ok = r && PQresultStatus(r) == PGRES_TUPLES_OK;
    const std::string err = ok ? "" : one_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
    PQclear(r);
    if (!ok) throw StoreError(err);
  }
}

}  // namespace

void publish_changes(Database::Impl& impl, const std::vector<std::string>& tags) {
  if (tags.empty()) return;
  try {
    if (impl.backend == Backend::Sqlite)
      publish_sqlite(impl, tags);
    else
      publish_pg(impl, tags);
  } catch (const std::exception& e) {
    spdlog::warn("change notifications: publishing failed, other processes may serve stale pages: {}",
                 one_line(e.what()));
  }
}

void ClusterFeed::sleep_a_while() {
  std::unique_lock lock(mutex_);
  cv_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_.load(); });
}

void ClusterFeed::run() {
  bool connected_before = false;
  while (!stop_) {
    PGconn* conn = PQconnectdb(impl_.connect_string.c_str());
    if (PQstatus(conn) != CONNECTION_OK) {
      spdlog::warn("cluster notifications: cannot connect: {}", one_line(PQerrorMessage(conn)));
      PQfinish(conn);
      sleep_a_while();
      continue;
    }
    silence_notices(conn);
    try {
      pg_exec(conn, std::string("LISTEN ") + kChannel);
    } catch (const std::exception& e) {
      spdlog::warn("cluster notifications: LISTEN failed: {}", e.what());
      PQfinish(conn);
      sleep_a_while();
      continue;
    }
    // Whatever was sent while we were not listening is lost: drop everything.
    if (connected_before) deliver_locally(impl_, {"*"});
    connected_before = true;
    {
      std::lock_guard lock(mutex_);
      listening_ = true;
    }
    cv_.notify_all();

    while (!stop_) {
      pollfd pfd{PQsocket(conn), POLLIN, 0};
      const int n = ::poll(&pfd, 1, 200);
      if (n < 0 && errno != EINTR) break;
      if (n <= 0) continue;
      if (!PQconsumeInput(conn)) break;
      while (PGnotify* note = PQnotifies(conn)) {
        auto lines = split_lines(note->extra ? note->extra : "");
        PQfreemem(note);
        if (lines.empty() || lines.front() == node_id_) continue;  // our own: delivered already
        lines.erase(lines.begin());
        if (!lines.empty()) deliver_locally(impl_, lines);
      }
    }
    if (!stop_) spdlog::warn("cluster notifications: connection lost, reconnecting");
    PQfinish(conn);
  }
}

void ClusterFeed::run_sqlite() {
  long long last = 0;
  try {
    Lease lease(impl_);
    soci::indicator ind = soci::i_ok;
    lease.sql() << "SELECT max(id) FROM change_events", soci::into(last, ind);
    if (ind == soci::i_null) last = 0;
  } catch (const std::exception& e) {
    spdlog::warn("change notifications: cannot read change_events: {}", one_line(e.what()));
  }
  {
    std::lock_guard lock(mutex_);
    listening_ = true;
  }
  cv_.notify_all();
  while (!stop_) {
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, std::chrono::milliseconds(kPollMilliseconds), [this] { return stop_.load(); });
    }
    if (stop_) break;
    try {
      std::vector<std::string> tags;
      {
        Lease lease(impl_);
        long long id = 0;
        std::string origin, text;
        soci::statement st = (lease.sql().prepare << "SELECT id, origin, tags FROM change_events WHERE id > :last "
                                                     "ORDER BY id",
                              soci::use(last, "last"), soci::into(id), soci::into(origin), soci::into(text));
        st.execute();
        long long seen = last;
        while (st.fetch()) {
          seen = id;
          if (origin == node_id_) continue;  // our own: delivered already
          for (auto& t : split_lines(text)) tags.push_back(std::move(t));
        }
        last = seen;
      }
      if (!tags.empty()) deliver_locally(impl_, tags);
    } catch (const std::exception& e) {
      spdlog::warn("change notifications: polling failed: {}", one_line(e.what()));
    }
  }
}

}  // namespace zwgk::store
