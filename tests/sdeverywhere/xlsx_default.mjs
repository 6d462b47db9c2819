// xlsx 0.18.5's ES module build as the default export @sdeverywhere/compile imports.
import * as XLSX from 'xlsx/xlsx.mjs'
export default XLSX
