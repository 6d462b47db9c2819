// @sdeverywhere/compile 0.7.28 asks for xlsx 0.20 from SheetJS's own server, which this
// check does not reach; npm's registry has 0.18.5 (package.json pins it). The compiler takes
// xlsx's default export and calls set_fs on it, which 0.18.5 gives only in its ES module
// build, and there as a named export: this hook serves the compiler that build as a default
// export. The exported models read no spreadsheet.
export async function resolve(specifier, context, next) {
  if (specifier === 'xlsx') {
    return { url: new URL('./xlsx_default.mjs', import.meta.url).href, shortCircuit: true }
  }
  return next(specifier, context)
}
