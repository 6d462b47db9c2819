cmake_minimum_required(VERSION 3.25)
# Script mode of the layering check, for tests (ALLOWED and FILES separated by commas):
#   cmake -DFOLDER=fit -DALLOWED=fit/,model/attack_trend.hpp -DFILES=a.cpp,b.hpp -P cmake/check_includes.cmake
include(${CMAKE_CURRENT_LIST_DIR}/GapsimLayering.cmake)
string(REPLACE "," ";" allowed "${ALLOWED}")
string(REPLACE "," ";" files "${FILES}")
gapsim_check_includes(${FOLDER} "${allowed}" ${files})
