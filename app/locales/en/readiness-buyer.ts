// Export readiness: buyer side (issue 22).
const readinessBuyer = {
  readinessBuyer: {},
}

export default readinessBuyer
