// Keeps keyboard focus inside a dialog while it is open and gives it back on close:
// focus moves into the dialog when it opens (the first field, or the dialog itself), Tab and
// Shift+Tab cycle through its controls, Escape asks to close, and on close the element that
// opened it is focused again.
import { nextTick, onBeforeUnmount, watch, type MaybeRefOrGetter, type Ref, toValue } from 'vue'

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement)
}

export function useFocusTrap(container: Ref<HTMLElement | null | undefined>, active: MaybeRefOrGetter<boolean>, onEscape?: () => void) {
  let opener: HTMLElement | null = null
  let listening = false

  function onKey(ev: KeyboardEvent): void {
    const root = container.value
    if (!root) return
    if (ev.key === 'Escape' && onEscape) {
      ev.preventDefault()
      onEscape()
      return
    }
    if (ev.key !== 'Tab') return
    const items = focusables(root)
    if (items.length === 0) {
      ev.preventDefault()
      root.focus()
      return
    }
    const first = items[0]
    const last = items[items.length - 1]
    const current = document.activeElement as HTMLElement | null
    const inside = !!current && root.contains(current)
    if (ev.shiftKey && (current === first || !inside)) {
      ev.preventDefault()
      last.focus()
    } else if (!ev.shiftKey && (current === last || !inside)) {
      ev.preventDefault()
      first.focus()
    }
  }

  async function open(): Promise<void> {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    await nextTick()
    const root = container.value
    if (!root) return
    if (!listening) {
      document.addEventListener('keydown', onKey, true)
      listening = true
    }
    const preferred = root.querySelector<HTMLElement>('[autofocus], [data-autofocus]')
    const target = preferred ?? focusables(root).find((el) => el.matches('input, select, textarea')) ?? focusables(root)[0] ?? root
    if (target === root && !root.hasAttribute('tabindex')) root.setAttribute('tabindex', '-1')
    target.focus()
  }

  function close(): void {
    if (listening) {
      document.removeEventListener('keydown', onKey, true)
      listening = false
    }
    const back = opener
    opener = null
    if (back && back.isConnected) back.focus()
  }

  watch(
    () => toValue(active),
    (on, was) => {
      if (on && !was) void open()
      else if (!on && was) close()
    },
    { immediate: true },
  )
  onBeforeUnmount(close)
}
