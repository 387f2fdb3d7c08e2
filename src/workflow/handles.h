// Internal to src/workflow: canonical edge handles. Maps legacy named handles
// (template and seed dialects) to the editor's ids and infers absent ones
// (EDITOR_FORMAT.md 1.4, 1.6, 2.2-2.3). Pure over the document; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "workflow/diagnostic.h"
#include "workflow/document.h"

namespace nocode::workflow::handles {

// Output index (1..5) that a legacy named handle of a technicalIndicator node
// stands for, e.g. ("BB", "lower-output") -> 3, ("MACD", "signal-output") -> 2,
// ("SMA", "sma") -> 1; 0 if the name is not known.
int indicator_output_index(std::string_view indicator, std::string_view handle);

// Fills every edge's source_handle / target_handle (and their pointers) from
// the raw handles: explicit ones are canonicalised first (they occupy their
// target handles), then absent ones are inferred in edge order. Problems are
// errors naming the edge's pointer. Returns how many written handles were
// legacy names that had to be mapped.
int resolve_handles(Document& doc, Diagnostics& diags);

}  // namespace nocode::workflow::handles
