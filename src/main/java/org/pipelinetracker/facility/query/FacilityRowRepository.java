package org.pipelinetracker.facility.query;

import org.springframework.data.jpa.repository.JpaRepository;

interface FacilityRowRepository extends JpaRepository<FacilityRow, String> {
}
