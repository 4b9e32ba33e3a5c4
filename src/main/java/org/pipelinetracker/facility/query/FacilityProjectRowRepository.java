package org.pipelinetracker.facility.query;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface FacilityProjectRowRepository extends JpaRepository<FacilityProjectRow, FacilityProjectRow.Key> {

	List<FacilityProjectRow> findByFacilityIdOrderByProjectIdAscFundingIdAsc(String facilityId);

	List<FacilityProjectRow> findAllByOrderByFacilityIdAscProjectIdAscFundingIdAsc();
}
