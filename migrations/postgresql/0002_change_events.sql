-- Cache invalidation between processes: on PostgreSQL every committed write is announced
-- with NOTIFY zwgk_changes (store/cluster_feed.cpp), so no table is needed. This migration
-- keeps the version numbers of both backends in step with migrations/sqlite/0002.
SELECT 1;
