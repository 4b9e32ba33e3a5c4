-- Search in any language (issue 16): what GET /api/projects?q= compares, per project, in its search form
-- (reference.SearchText: lower case, no accents or apostrophes, any script): the id, the title in every language
-- recorded, the partners' names and every spelling of the region (Uzbek Latin and Cyrillic, Russian, Korean,
-- English). Filled by the project-status projection; null in the rows written before this migration, which makes
-- that projection ask for its rebuild on start-up (ProjectStatusProjection.rebuildReason, audit.replay.RebuildOnStartup).
alter table project_view add column search_text ${text_inline};
