import { describe, expect, it } from 'vitest'
import { webhookAddressAllowed, webhookFormSchema, webhookUrlProblem } from './webhook-url'

const production = { production: true }
const development = { production: false }

describe('webhookUrlProblem', () => {
  it('accepts public https addresses', () => {
    expect(webhookUrlProblem('https://hooks.example-crm.com/tradecast', production)).toBeNull()
    expect(webhookUrlProblem('https://8.8.8.8/hook', production)).toBeNull()
    expect(webhookUrlProblem('https://crm.example.com:8443/in?token=abc', production)).toBeNull()
  })

  it.each([
    ['http://hooks.example.com/', 'scheme'],
    ['http://127.0.0.1:4000/hook', 'scheme'],
    ['ftp://example.com/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['gopher://example.com/', 'scheme'],
    ['https://localhost/hook', 'private-host'],
    ['https://api.localhost/hook', 'private-host'],
    ['https://127.0.0.1/hook', 'private-host'],
    ['https://10.0.0.5/hook', 'private-host'],
    ['https://172.16.3.4/hook', 'private-host'],
    ['https://192.168.1.1/hook', 'private-host'],
    ['https://169.254.169.254/latest/meta-data', 'private-host'],
    ['https://100.64.0.1/', 'private-host'],
    ['https://0.0.0.0/', 'private-host'],
    ['https://[::1]/hook', 'private-host'],
    ['https://[::ffff:127.0.0.1]/hook', 'private-host'],
    ['https://[fd00::1]/hook', 'private-host'],
    // Spellings the URL parser turns into 127.0.0.1.
    ['https://2130706433/hook', 'private-host'],
    ['https://0x7f000001/hook', 'private-host'],
    ['https://0177.0.0.1/hook', 'private-host'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'private-host'],
    ['https://printer.local/', 'private-host'],
    ['https://intranet/', 'private-host'],
    ['https://user:pass@example.com/hook', 'credentials'],
    ['https://example.com:22/hook', 'port'],
    ['https://example.com/hook#x', 'invalid'],
    ['https://exa mple.com/', 'invalid'],
    ['not a url', 'invalid'],
    [`https://example.com/${'a'.repeat(2100)}`, 'too-long'],
  ])('refuses %s in production (%s)', (url, problem) => {
    expect(webhookUrlProblem(url, production)).toBe(problem)
  })

  it('takes plain http only to loopback, and only outside production', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4555/hook', development)).toBeNull()
    expect(webhookUrlProblem('http://localhost:4555/hook', development)).toBeNull()
    expect(webhookUrlProblem('http://[::1]:4555/hook', development)).toBeNull()
    expect(webhookUrlProblem('http://10.0.0.5/hook', development)).toBe('scheme')
    expect(webhookUrlProblem('http://example.com/hook', development)).toBe('scheme')
    expect(webhookUrlProblem('http://user:pw@127.0.0.1/hook', development)).toBe('credentials')
  })

  it('refuses every other internal address in development too', () => {
    expect(webhookUrlProblem('https://127.0.0.1:4555/hook', development)).toBeNull()
    expect(webhookUrlProblem('https://169.254.169.254/latest/meta-data/', development)).toBe('private-host')
    expect(webhookUrlProblem('https://10.0.0.5/hook', development)).toBe('private-host')
    expect(webhookUrlProblem('https://metadata.google.internal/', development)).toBe('private-host')
    expect(webhookUrlProblem('https://hooks.example-crm.com/in', development)).toBeNull()
  })

  it('checks resolved addresses: loopback allowed outside production only, other internal addresses never', () => {
    expect(webhookAddressAllowed('10.1.2.3', production)).toBe(false)
    expect(webhookAddressAllowed('::1', production)).toBe(false)
    expect(webhookAddressAllowed('93.184.216.34', production)).toBe(true)
    expect(webhookAddressAllowed('127.0.0.1', development)).toBe(true)
    expect(webhookAddressAllowed('169.254.169.254', development)).toBe(false)
    expect(webhookAddressAllowed('10.1.2.3', development)).toBe(false)
  })
})

describe('webhookFormSchema', () => {
  it('answers a refused URL with its message key on the url field', () => {
    const result = webhookFormSchema(production).safeParse({ intent: 'save', url: 'https://169.254.169.254/' })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['url', 'leads.webhook.errors.private-host']])
  })

  it('refuses unknown intents and takes the toggle as a boolean', () => {
    expect(webhookFormSchema(production).safeParse({ intent: 'drop-table' }).success).toBe(false)
    expect(webhookFormSchema(production).parse({ intent: 'toggle', enabled: 'false' })).toEqual({ intent: 'toggle', enabled: false })
  })
})
