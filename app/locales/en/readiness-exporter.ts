// Export readiness: exporter side (issue 22).
const readinessExporter = {
  readinessExporter: {},
}

export default readinessExporter
