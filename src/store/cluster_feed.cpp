#include "store/cluster_feed.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <random>

#include "store/raw_connection.hpp"

namespace zwgk::store {

namespace {

constexpr std::size_t kMaxPayload = 7000;  // NOTIFY payloads must stay under 8000 bytes

std::string random_node_id() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned long long> dist;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%016llx", dist(rd));
  return buf;
}

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

ClusterFeed::ClusterFeed(Database::Impl& impl) : impl_(impl), node_id_(random_node_id()) {
  thread_ = std::thread([this] { run(); });
  std::unique_lock lock(mutex_);
  if (!cv_.wait_for(lock, std::chrono::seconds(5), [this] { return listening_; }))
    spdlog::warn("cluster notifications: not listening yet, continuing in the background");
}

ClusterFeed::~ClusterFeed() {
  stop_ = true;
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ClusterFeed::publish(const std::vector<std::string>& tags) {
  std::vector<std::string> payloads;
  std::string cur = node_id_;
  for (const auto& t : tags) {
    if (t.size() + 1 > kMaxPayload - node_id_.size()) continue;  // no tag is this long
    if (cur.size() + 1 + t.size() > kMaxPayload) {
      payloads.push_back(cur);
      cur = node_id_;
    }
    cur += "\n" + t;
  }
  if (cur.size() > node_id_.size()) payloads.push_back(cur);
  try {
    Lease lease(impl_);
    PGconn* conn = raw_pg(lease.sql());
    for (const auto& p : payloads) {
      const char* values[2] = {kChannel, p.c_str()};
      PGresult* r = PQexecParams(conn, "SELECT pg_notify($1, $2)", 2, nullptr, values, nullptr, nullptr, 0);
      const bool ok = r && PQresultStatus(r) == PGRES_TUPLES_OK;
      const std::string err = ok ? "" : one_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn));
      PQclear(r);
      if (!ok) throw StoreError(err);
    }
  } catch (const std::exception& e) {
    spdlog::warn("cluster notifications: NOTIFY failed, other nodes may serve stale pages: {}", one_line(e.what()));
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

}  // namespace zwgk::store
