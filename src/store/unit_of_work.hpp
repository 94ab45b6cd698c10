#pragma once
// One use case's transaction. A service function (src/modules/<name>/service/) opens one
// around everything it does — the rows it reads under lock, the rows it writes and its audit
// entry — and commits at the end; if it throws, nothing of it is kept.
//
//   store::UnitOfWork unit(db);
//   auto found = repo.lock(tn);     // repository calls on this thread join the unit
//   ...
//   caller.audit({...});            // the audit entry too (store::AuditLog joins it)
//   unit.commit();
//
// Inside a store::Batch already open on this thread (the console opens one around every
// POST handler, console.hpp 4.) the unit joins it: commit() then leaves committing to the
// batch's owner, which rolls everything back if anything after the use case fails.
#include <memory>

#include "store/database.hpp"

namespace zwgk::store {

class UnitOfWork {
 public:
  explicit UnitOfWork(Database& db);
  ~UnitOfWork();  // without commit(): rolls back (its own batch) or leaves it to the owner
  UnitOfWork(const UnitOfWork&) = delete;
  UnitOfWork& operator=(const UnitOfWork&) = delete;

  void commit();
  // Whether this unit joined a batch opened by its caller.
  bool joined() const { return !own_; }

 private:
  std::unique_ptr<Batch> own_;
};

}  // namespace zwgk::store
