package org.pipelinetracker.project.query;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;


interface ProjectRowRepository extends JpaRepository<ProjectRow, String>, JpaSpecificationExecutor<ProjectRow> {
}
