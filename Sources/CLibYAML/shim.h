// shim.h: libyaml, the YAML 1.1 parser in C (Debian's libyaml-dev), whose event API the
// briefing and theme loaders read directly: exact line and column marks, no node objects.
#ifndef TRILATERAL_CLIBYAML_SHIM_H
#define TRILATERAL_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
