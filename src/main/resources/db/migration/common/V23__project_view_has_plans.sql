-- Whether a project has planned disbursements, so the portfolio's plans (funding series, utilisation) read only those
-- projects' documents. Null in rows written before this column: the project-status projection is rebuilt on start-up.
alter table project_view add column has_plans boolean;
create index idx_project_view_has_plans on project_view (has_plans);
