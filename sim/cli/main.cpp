// gapsim entry point.
#include "cli/app.hpp"

int main(int argc, char** argv) { return gapsim::app_main(argc, argv); }
