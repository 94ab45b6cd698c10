// See document_editing.hpp.
#include "modules/publishing/service/document_editing.hpp"

#include "store/unit_of_work.hpp"

namespace zwgk::modules::publishing {

EditOutcome save_document_edit(store::Database& db, const domain::Account& who, const store::Actor& actor,
                               const DocumentEdit& edit) {
  store::UnitOfWork unit(db);
  store::WorkflowRepository wf(db);
  try {
    wf.save(who, edit.doc, edit.expected_revision, actor, edit.uploads);
  } catch (const store::RevisionConflict& stale) {  // an outcome of this use case, not a failure
    return {stale};
  }
  if (edit.doc.kind == domain::DocumentKind::Interpretation && edit.interpretation_form &&
      edit.interpretation_form != edit.stored_interpretation_form)
    wf.set_interpretation_form(who, edit.doc.id, *edit.interpretation_form, actor);
  unit.commit();
  return {};
}

}  // namespace zwgk::modules::publishing
