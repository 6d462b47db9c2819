// Compiles a Vensim model with SDEverywhere's JavaScript back end, runs it, and writes the
// named variables at every saved time as tab-separated values.
//
//   node run_model.mjs MODEL.mdl|MODEL.xmile OUT.tsv VARIABLE...
//
// OUT.tsv: a header "time VARIABLE...", then one row per saved time (INITIAL TIME, every
// SAVEPER, FINAL TIME), each number in JavaScript's shortest round-trip form. Prints the
// compile time and the median time of a run over repeated runs (after ten to warm up, at
// least 20 and at least one second), for the comparison with gapsim's own.
import { register } from 'node:module'
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'

register('./xlsx_hooks.mjs', import.meta.url)
const { parseAndGenerate } = await import('@sdeverywhere/compile')
const { initJsModel, Outputs, ReferencedRunModelParams } = await import('@sdeverywhere/runtime')

const [modelPath, outPath, ...variables] = process.argv.slice(2)
if (!modelPath || !outPath || variables.length === 0) {
  console.error('usage: node run_model.mjs MODEL.mdl|MODEL.xmile OUT.tsv VARIABLE...')
  process.exit(2)
}
const kind = path.extname(modelPath) === '.xmile' ? 'xmile' : 'vensim'

// SDEverywhere 0.7.28 reads an arrayed stock's <inflow>NAME</inflow> as the whole array
// without its subscripts and then computes nothing for the stock after its first step; XMILE
// names the flow alone. Each inflow of an arrayed stock gets the stock's dimensions, the only
// change made to the model.
function withInflowSubscripts(xmile) {
  return xmile.replace(/<stock name="[^"]*">\s*<dimensions>(.*?)<\/dimensions>[\s\S]*?<\/stock>/g, (stock, dims) => {
    const names = [...dims.matchAll(/<dim name="([^"]*)"\/>/g)].map((match) => match[1])
    return stock.replace(/<inflow>([^<]*)<\/inflow>/g, (_, flow) => `<inflow>${flow}[${names.join(', ')}]</inflow>`)
  })
}

const compileStart = performance.now()
const name = path.basename(modelPath, path.extname(modelPath))
const buildDir = path.resolve(path.dirname(outPath), `${name}-sde`)
fs.mkdirSync(buildDir, { recursive: true })
// Vensim spells an '_' in a name as a space; the spec takes that spelling (with '_' SDEverywhere
// looks the names up piece by piece and warns, though it stores the right variables).
const spec = { inputVarNames: [], outputVarNames: variables.map((name) => name.replaceAll('_', ' ')) }
const text = fs.readFileSync(modelPath, 'utf8')
const model_text = kind === 'xmile' ? withInflowSubscripts(text) : text
await parseAndGenerate(model_text, kind, spec, ['generateJS'], path.dirname(path.resolve(modelPath)), name, buildDir)
const generated = await import(pathToFileURL(path.join(buildDir, `${name}.js`)).href)
const jsModel = await generated.default()
const compileMs = performance.now() - compileStart

const model = initJsModel(jsModel)
const start = jsModel.getInitialTime()
const end = jsModel.getFinalTime()
const saveEvery = jsModel.getSaveFreq()
const outputs = new Outputs(jsModel.outputVarIds, start, end, saveEvery)
const params = new ReferencedRunModelParams()
params.updateFromParams([], outputs)

// Ten runs to warm the JIT up, then runs timed one by one for at least a second (and at
// least 20): the median, which a garbage collection in one run does not move.
for (let warmup = 0; warmup < 10; warmup++) {
  model.runModel(params)
}
const runTimes = []
const runStart = performance.now()
do {
  const start = performance.now()
  model.runModel(params)
  runTimes.push(performance.now() - start)
} while (runTimes.length < 20 || performance.now() - runStart < 1000)
runTimes.sort((a, b) => a - b)
const runMs = runTimes[Math.floor(runTimes.length / 2)]
const runs = runTimes.length

const lines = [['time', ...variables].join('\t')]
for (let row = 0; row < outputs.seriesLength; row++) {
  const cells = [String(outputs.varSeries[0].points[row].x)]
  for (const series of outputs.varSeries) {
    cells.push(String(series.points[row].y))
  }
  lines.push(cells.join('\t'))
}
fs.writeFileSync(outPath, lines.join('\n') + '\n')
console.log(`sdeverywhere: compiled in ${compileMs.toFixed(0)} ms; ${runMs.toFixed(3)} ms per run (median of ${runs} runs)`)
