// Export readiness: admin side (issue 22).
const readinessAdmin = {
  readinessAdmin: {},
}

export default readinessAdmin
