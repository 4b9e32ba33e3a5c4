/** IATI 2.03 reference codelists (sectors, countries, currencies) and Uzbek regions, used to validate input. */
package org.pipelinetracker.reference;
