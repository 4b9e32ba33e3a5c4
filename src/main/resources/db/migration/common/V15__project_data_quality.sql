-- Data-quality flags (issue 20): where the facts recorded for a project contradict the IATI activity status its
-- publisher reported (project.query.DataQuality), the flags it carries, for GET /api/projects?flag=: the flag codes
-- each between spaces (" STATUS_WITHOUT_FUNDING "), empty for none. Null in the rows written before this migration:
-- those projects had no reported status, hence no flag, and match no flag filter, which is what they should.
alter table project_view add column data_quality varchar(200);
