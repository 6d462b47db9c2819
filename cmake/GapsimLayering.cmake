# The dependency rule between the folders of sim/, checked on every configure:
#   model  <- fit (through model/attack_trend.hpp only) <- io <- study <- cli
#   stats  <- io, study, cli
#   io <- plot <- cli
#   io <- export <- cli
# A source may include headers of its own folder and of the folders its library links.
# A wrong-direction include stops the configure with the file, the line and the header.

# Fails when a file in FILES includes a project header ("folder/name.hpp") that matches none
# of ALLOWED (folder prefixes such as "io/", or whole headers such as "model/attack_trend.hpp").
function(gapsim_check_includes folder allowed)
  set(files ${ARGN})
  set(project_folders model fit stats io study plot export cli)
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" header "${line}")
      string(REGEX MATCH "^[^/]+" header_folder "${header}")
      if(NOT header_folder IN_LIST project_folders)
        continue()  # a library's header, or a file next to this one
      endif()
      set(ok FALSE)
      foreach(rule IN LISTS allowed)
        string(LENGTH "${rule}" rule_length)
        string(SUBSTRING "${header}" 0 ${rule_length} head)
        if(head STREQUAL rule)
          set(ok TRUE)
        endif()
      endforeach()
      if(NOT ok)
        message(FATAL_ERROR "layering: ${file} (folder ${folder}/) includes \"${header}\", "
                            "but ${folder}/ may include only: ${allowed}")
      endif()
    endforeach()
  endforeach()
endfunction()

# add_library for one folder of sim/: gapsim_library(NAME SOURCES ... LINKS ... ALLOWED ...).
# LINKS are other targets; ALLOWED the include rules of gapsim_check_includes.
function(gapsim_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS;ALLOWED" ${ARGN})
  add_library(gapsim_${name} STATIC ${ARG_SOURCES})
  target_include_directories(gapsim_${name} PUBLIC ${PROJECT_SOURCE_DIR}/sim)
  target_link_libraries(gapsim_${name} PUBLIC ${ARG_LINKS})
  file(GLOB headers CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.hpp")
  list(TRANSFORM ARG_SOURCES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/")
  gapsim_check_includes(${name} "${name}/;${ARG_ALLOWED}" ${ARG_SOURCES} ${headers})
endfunction()
