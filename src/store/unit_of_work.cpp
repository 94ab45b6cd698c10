// See unit_of_work.hpp.
#include "store/unit_of_work.hpp"

#include "store/database_impl.hpp"

namespace zwgk::store {

UnitOfWork::UnitOfWork(Database& db) {
  if (!current_batch(db.impl())) own_ = std::make_unique<Batch>(db);
}

UnitOfWork::~UnitOfWork() = default;

void UnitOfWork::commit() {
  if (own_) own_->commit();
}

}  // namespace zwgk::store
