// Nothing to add to libpq: this file makes CLibPQ a C target that links libpq.
#include "CLibPQ.h"
