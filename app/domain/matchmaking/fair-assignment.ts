// Integral schedule under construction: who meets whom in which slot, with the moves the heuristics use.
// Every mutation keeps the schedule feasible (one meeting per person per slot, each pair once,
// availability, limits), so any intermediate state is a valid answer.
import type { FairInstance } from './fair-instance.ts'

const NONE = -1

export class FairAssignment {
  readonly instance: FairInstance
  /** Meeting id per [buyer * slotCount + slot], or NONE */
  private readonly buyerAt: Int32Array
  private readonly exporterAt: Int32Array
  /** Meeting id per pair key, or NONE */
  private readonly pairMeeting: Int32Array
  private readonly buyerMeetings: Int32Array
  private readonly exporterMeetings: Int32Array
  private meetingBuyer: number[] = []
  private meetingExporter: number[] = []
  private meetingSlot: number[] = []
  private meetingLocked: boolean[] = []
  private meetingActive: boolean[] = []
  objective = 0

  constructor(instance: FairInstance) {
    this.instance = instance
    const { buyerCount, exporterCount, slotCount } = instance
    this.buyerAt = new Int32Array(buyerCount * slotCount).fill(NONE)
    this.exporterAt = new Int32Array(exporterCount * slotCount).fill(NONE)
    this.pairMeeting = new Int32Array(buyerCount * exporterCount).fill(NONE)
    this.buyerMeetings = new Int32Array(buyerCount)
    this.exporterMeetings = new Int32Array(exporterCount)
    for (const meeting of instance.locked) this.add(meeting.buyer, meeting.exporter, meeting.slot, true)
  }

  pairKey(buyer: number, exporter: number): number {
    return buyer * this.instance.exporterCount + exporter
  }

  weightOf(buyer: number, exporter: number): number {
    return this.instance.weight[this.pairKey(buyer, exporter)] ?? 0
  }

  hasPair(buyer: number, exporter: number): boolean {
    return this.pairMeeting[this.pairKey(buyer, exporter)] !== NONE
  }

  buyerHasRoom(buyer: number): boolean {
    return this.buyerMeetings[buyer]! < this.instance.buyerCap[buyer]!
  }

  exporterHasRoom(exporter: number): boolean {
    return this.exporterMeetings[exporter]! < this.instance.exporterCap[exporter]!
  }

  private buyerCanUse(buyer: number, slot: number): boolean {
    return this.instance.buyerAvailable[buyer * this.instance.slotCount + slot] === 1
  }

  private exporterCanUse(exporter: number, slot: number): boolean {
    return this.instance.exporterAvailable[exporter * this.instance.slotCount + slot] === 1
  }

  buyerMeetingAt(buyer: number, slot: number): number {
    return this.buyerAt[buyer * this.instance.slotCount + slot]!
  }

  exporterMeetingAt(exporter: number, slot: number): number {
    return this.exporterAt[exporter * this.instance.slotCount + slot]!
  }

  /** True when (buyer, exporter) can meet in `slot` right now without moving anything. */
  canPlace(buyer: number, exporter: number, slot: number): boolean {
    return (
      this.buyerCanUse(buyer, slot) &&
      this.exporterCanUse(exporter, slot) &&
      this.buyerMeetingAt(buyer, slot) === NONE &&
      this.exporterMeetingAt(exporter, slot) === NONE &&
      !this.hasPair(buyer, exporter) &&
      this.buyerHasRoom(buyer) &&
      this.exporterHasRoom(exporter)
    )
  }

  private add(buyer: number, exporter: number, slot: number, locked: boolean): number {
    const id = this.meetingBuyer.length
    this.meetingBuyer.push(buyer)
    this.meetingExporter.push(exporter)
    this.meetingSlot.push(slot)
    this.meetingLocked.push(locked)
    this.meetingActive.push(true)
    const { slotCount } = this.instance
    this.buyerAt[buyer * slotCount + slot] = id
    this.exporterAt[exporter * slotCount + slot] = id
    this.pairMeeting[this.pairKey(buyer, exporter)] = id
    this.buyerMeetings[buyer]! += 1
    this.exporterMeetings[exporter]! += 1
    this.objective += this.weightOf(buyer, exporter)
    return id
  }

  place(buyer: number, exporter: number, slot: number): number {
    if (!this.canPlace(buyer, exporter, slot)) throw new Error('place() on an infeasible position')
    return this.add(buyer, exporter, slot, false)
  }

  remove(meeting: number): void {
    if (!this.meetingActive[meeting] || this.meetingLocked[meeting]) throw new Error('remove() on a locked or removed meeting')
    const buyer = this.meetingBuyer[meeting]!
    const exporter = this.meetingExporter[meeting]!
    const slot = this.meetingSlot[meeting]!
    const { slotCount } = this.instance
    this.meetingActive[meeting] = false
    this.buyerAt[buyer * slotCount + slot] = NONE
    this.exporterAt[exporter * slotCount + slot] = NONE
    this.pairMeeting[this.pairKey(buyer, exporter)] = NONE
    this.buyerMeetings[buyer]! -= 1
    this.exporterMeetings[exporter]! -= 1
    this.objective -= this.weightOf(buyer, exporter)
  }

  private move(meeting: number, slot: number): void {
    const buyer = this.meetingBuyer[meeting]!
    const exporter = this.meetingExporter[meeting]!
    const from = this.meetingSlot[meeting]!
    const { slotCount } = this.instance
    if (this.buyerAt[buyer * slotCount + from] === meeting) this.buyerAt[buyer * slotCount + from] = NONE
    if (this.exporterAt[exporter * slotCount + from] === meeting) this.exporterAt[exporter * slotCount + from] = NONE
    this.buyerAt[buyer * slotCount + slot] = meeting
    this.exporterAt[exporter * slotCount + slot] = meeting
    this.meetingSlot[meeting] = slot
  }

  /**
   * Finds a slot for the pair, moving the exporter's (or else the buyer's) other meetings to other slots
   * along an augmenting path (Kuhn's algorithm on that person's slots). Returns false and changes
   * nothing when no such rearrangement exists.
   */
  insert(buyer: number, exporter: number): boolean {
    if (this.hasPair(buyer, exporter) || !this.buyerHasRoom(buyer) || !this.exporterHasRoom(exporter)) return false
    if (this.weightOf(buyer, exporter) <= 0) return false
    const { slotCount } = this.instance
    for (let slot = 0; slot < slotCount; slot++) {
      if (this.canPlace(buyer, exporter, slot)) {
        this.add(buyer, exporter, slot, false)
        return true
      }
    }
    return this.insertByShuffling(buyer, exporter, 'exporter') || this.insertByShuffling(buyer, exporter, 'buyer')
  }

  /**
   * Side "exporter": the new buyer needs a slot of this exporter; the exporter's current buyers may move to
   * other slots where they (and the exporter) are free. Side "buyer" is the mirror image.
   */
  private insertByShuffling(buyer: number, exporter: number, side: 'buyer' | 'exporter'): boolean {
    const { slotCount } = this.instance
    const hub = side === 'exporter' ? exporter : buyer
    const hubAt = side === 'exporter' ? this.exporterAt : this.buyerAt
    const hubCanUse = (slot: number) => (side === 'exporter' ? this.exporterCanUse(hub, slot) : this.buyerCanUse(hub, slot))
    // The partner of a hub meeting must be free and available in the slot it moves to.
    const partnerFree = (partner: number, slot: number) =>
      side === 'exporter'
        ? this.buyerCanUse(partner, slot) && this.buyerMeetingAt(partner, slot) === NONE
        : this.exporterCanUse(partner, slot) && this.exporterMeetingAt(partner, slot) === NONE
    const partnerOf = (meeting: number) => (side === 'exporter' ? this.meetingBuyer[meeting]! : this.meetingExporter[meeting]!)
    const newPartner = side === 'exporter' ? buyer : exporter

    const visited = new Uint8Array(slotCount)
    const path: Array<{ meeting: number; slot: number }> = []
    const augment = (partner: number): number => {
      for (let slot = 0; slot < slotCount; slot++) {
        if (visited[slot] || !hubCanUse(slot) || !partnerFree(partner, slot)) continue
        visited[slot] = 1
        const occupant = hubAt[hub * slotCount + slot]!
        if (occupant === NONE) return slot
        if (this.meetingLocked[occupant]) continue
        const freed = augment(partnerOf(occupant))
        if (freed !== NONE) {
          path.push({ meeting: occupant, slot: freed })
          return slot
        }
      }
      return NONE
    }
    const slot = augment(newPartner)
    if (slot === NONE) return false
    // Deepest move first, so each meeting moves into a slot that is already free.
    for (const step of path) this.move(step.meeting, step.slot)
    this.add(buyer, exporter, slot, false)
    return true
  }

  /**
   * Makes room for a heavier pair by dropping lighter meetings that block it (in one slot, plus one meeting
   * per side when a limit is reached), then tries to re-seat the dropped pairs elsewhere.
   * Applies the best move when it raises the objective; returns the gain (0 = nothing changed).
   */
  insertByEjection(buyer: number, exporter: number): number {
    const weight = this.weightOf(buyer, exporter)
    if (weight <= 0 || this.hasPair(buyer, exporter)) return 0
    const { slotCount } = this.instance
    let best: { slot: number; ejected: number[]; loss: number } | null = null
    for (let slot = 0; slot < slotCount; slot++) {
      if (!this.buyerCanUse(buyer, slot) || !this.exporterCanUse(exporter, slot)) continue
      const ejected = new Set<number>()
      const atBuyer = this.buyerMeetingAt(buyer, slot)
      const atExporter = this.exporterMeetingAt(exporter, slot)
      if (atBuyer !== NONE) ejected.add(atBuyer)
      if (atExporter !== NONE) ejected.add(atExporter)
      if ([...ejected].some((meeting) => this.meetingLocked[meeting])) continue
      const buyerFull = !this.buyerHasRoom(buyer) && atBuyer === NONE
      const exporterFull = !this.exporterHasRoom(exporter) && atExporter === NONE
      if (buyerFull) {
        const lightest = this.lightestMeeting(this.buyerAt, buyer)
        if (lightest === NONE) continue
        ejected.add(lightest)
      }
      if (exporterFull) {
        const lightest = this.lightestMeeting(this.exporterAt, exporter)
        if (lightest === NONE) continue
        ejected.add(lightest)
      }
      let loss = 0
      for (const meeting of ejected) loss += this.weightOf(this.meetingBuyer[meeting]!, this.meetingExporter[meeting]!)
      if (weight - loss > 1e-9 && (!best || loss < best.loss)) best = { slot, ejected: [...ejected], loss }
    }
    if (!best) return 0
    const before = this.objective
    const dropped = best.ejected.map((meeting) => [this.meetingBuyer[meeting]!, this.meetingExporter[meeting]!] as const)
    for (const meeting of best.ejected) this.remove(meeting)
    this.add(buyer, exporter, best.slot, false)
    for (const [droppedBuyer, droppedExporter] of dropped) this.insert(droppedBuyer, droppedExporter)
    return this.objective - before
  }

  private lightestMeeting(at: Int32Array, person: number): number {
    const { slotCount } = this.instance
    let lightest = NONE
    let lightestWeight = Number.POSITIVE_INFINITY
    for (let slot = 0; slot < slotCount; slot++) {
      const meeting = at[person * slotCount + slot]!
      if (meeting === NONE || this.meetingLocked[meeting]) continue
      const weight = this.weightOf(this.meetingBuyer[meeting]!, this.meetingExporter[meeting]!)
      if (weight < lightestWeight) {
        lightest = meeting
        lightestWeight = weight
      }
    }
    return lightest
  }

  /** Active meetings, locked ones included. */
  meetings(): Array<{ buyer: number; exporter: number; slot: number; locked: boolean }> {
    const result: Array<{ buyer: number; exporter: number; slot: number; locked: boolean }> = []
    for (let id = 0; id < this.meetingBuyer.length; id++) {
      if (!this.meetingActive[id]) continue
      result.push({
        buyer: this.meetingBuyer[id]!,
        exporter: this.meetingExporter[id]!,
        slot: this.meetingSlot[id]!,
        locked: this.meetingLocked[id]!,
      })
    }
    return result
  }
}
