-- 0009 search token scheme 2 (search/tokenizer.hpp, docs/adr/0007): the unigram of a
-- character is indexed at its first occurrence in a text only. PostgreSQL stores the
-- distinct tokens of an entry (a tsvector without positions), which scheme 2 leaves the
-- same, so the entries only take the new scheme number.
UPDATE search_entries SET scheme = 2;
