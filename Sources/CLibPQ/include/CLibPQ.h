// CLibPQ: the only place cdsboard sees PostgreSQL's client library (libpq-dev from Debian's
// packages). Swift imports libpq-fe.h through this header; the PostgresSource target wraps it.
#ifndef CLIBPQ_H
#define CLIBPQ_H

#include <postgresql/libpq-fe.h>

#endif
