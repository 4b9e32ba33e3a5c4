/** Exchange rates supplied by users (config/fx-rates.csv), used to normalise amounts to USD. */
package org.pipelinetracker.fx;
