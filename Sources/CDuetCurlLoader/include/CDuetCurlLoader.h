#ifndef CDUETCURLLOADER_H
#define CDUETCURLLOADER_H

// Nothing to import: the loader (loader.c) defines libcurl's own functions, for the link of the
// `duet` executable. Swift code never calls it.

#endif
