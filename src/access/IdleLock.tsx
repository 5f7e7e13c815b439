import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRuntimeConfig } from '../app/configContext';
import { useSession } from '../session/store';
import { clearPatientData } from './session';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/**
 * Shared devices (issue #8): after `session.idleLockMinutes` (config.json; default 5) without a
 * touch, click or key, the screen locks behind a short PIN the user chose (4–6 digits, user
 * menu). The PIN is kept only as a SHA-256 hash in sessionStorage (gone at sign-out or when the
 * tab closes); the lock itself survives a reload. Five wrong PINs sign the user out; without a
 * PIN, the locked screen only offers signing out. While locked, nothing of the page shows.
 */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
const LOCK_KEY = 'akson.lock';
const PIN_KEY = 'akson.pin';
const MAX_ATTEMPTS = 5;
const PIN_RE = /^\d{4,6}$/;

async function hashPin(personaId: string, pin: string): Promise<string> {
  const bytes = new TextEncoder().encode(`akson-pin:${personaId}:${pin}`);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

// The lock is a tiny external store over sessionStorage, so every part of the shell agrees.
const listeners = new Set<() => void>();
function readLocked(): boolean {
  try {
    return sessionStorage.getItem(LOCK_KEY) === '1';
  } catch {
    return false;
  }
}
export function setLocked(locked: boolean): void {
  try {
    if (locked) sessionStorage.setItem(LOCK_KEY, '1');
    else sessionStorage.removeItem(LOCK_KEY);
  } catch {
    // no storage: the lock still shows until the page is left
  }
  for (const l of listeners) l();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function useLocked(): boolean {
  return useSyncExternalStore(subscribe, readLocked, () => false);
}

export function hasPin(): boolean {
  try {
    return sessionStorage.getItem(PIN_KEY) !== null;
  } catch {
    return false;
  }
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;

/** Watches for activity and locks the screen after the idle time; renders the lock when locked. */
export function IdleLock() {
  const persona = useSession((s) => s.persona);
  const { config } = useRuntimeConfig();
  const minutes = config.session?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES;
  const locked = useLocked();
  const last = useRef(0);

  useEffect(() => {
    if (!persona || locked) return;
    const idleMs = minutes * 60_000;
    last.current = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const schedule = (ms: number) => {
      timer = setTimeout(() => {
        const idle = Date.now() - last.current;
        if (idle >= idleMs) setLocked(true);
        else schedule(idleMs - idle);
      }, ms);
    };
    schedule(idleMs);
    const onActivity = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [persona, locked, minutes]);

  if (!persona || !locked) return null;
  return <LockScreen />;
}

function LockScreen() {
  const { t } = useTranslation();
  const ids = useId();
  const persona = useSession((s) => s.persona);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const attempts = useRef(0);
  const withPin = hasPin();

  const signOut = useCallback(() => {
    useSession.getState().signOut();
    clearPatientData(queryClient);
    setLocked(false);
    void navigate('/sign-in');
  }, [queryClient, navigate]);

  const unlock = async () => {
    if (!persona) return;
    const stored = sessionStorage.getItem(PIN_KEY);
    if (stored && stored === (await hashPin(persona.id, pin))) {
      setLocked(false);
      return;
    }
    attempts.current += 1;
    setPin('');
    if (attempts.current >= MAX_ATTEMPTS) {
      signOut();
      return;
    }
    setError(t('access.lock.wrong'));
  };

  return (
    <Dialog open fullScreen aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-intro`} slotProps={{ paper: { sx: { bgcolor: 'background.default' } } }}>
      <DialogTitle id={`${ids}-title`} component="h1" sx={{ textAlign: 'center', mt: 6 }}>
        {t('access.lock.title')}
      </DialogTitle>
      <DialogContent>
        <Box
          component="form"
          noValidate
          sx={{ maxWidth: 360, mx: 'auto', display: 'flex', flexDirection: 'column', gap: 2 }}
          onSubmit={(e) => {
            e.preventDefault();
            void unlock();
          }}
        >
          <Typography id={`${ids}-intro`}>{withPin ? t('access.lock.intro', { name: persona?.name ?? '' }) : t('access.lock.noPin', { name: persona?.name ?? '' })}</Typography>
          {withPin && (
            <>
              <TextField
                label={t('access.lock.pin')}
                type="password"
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 6))}
                error={Boolean(error)}
                helperText={error || ' '}
                autoFocus
                autoComplete="off"
                slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
              />
              <Button type="submit" variant="contained" sx={{ minHeight: 44 }}>
                {t('access.lock.unlock')}
              </Button>
            </>
          )}
          <Button onClick={signOut} sx={{ minHeight: 44 }}>
            {t('access.lock.signOut')}
          </Button>
        </Box>
      </DialogContent>
    </Dialog>
  );
}

/** Choosing the PIN (user menu). */
export function PinDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const persona = useSession((s) => s.persona);
  const { config } = useRuntimeConfig();
  const [pin, setPin] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = tried && !PIN_RE.test(pin);
  const save = async () => {
    setTried(true);
    if (!persona || !PIN_RE.test(pin)) return;
    sessionStorage.setItem(PIN_KEY, await hashPin(persona.id, pin));
    onClose();
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${ids}-title`}>
      <DialogTitle id={`${ids}-title`}>{t('access.lock.setTitle')}</DialogTitle>
      <DialogContent>
        <Box
          component="form"
          id={`${ids}-form`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Typography sx={{ mb: 2 }}>{t('access.lock.setIntro', { minutes: config.session?.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES })}</Typography>
          <TextField
            label={t('access.lock.pin')}
            type="password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            error={invalid}
            helperText={invalid ? t('access.lock.invalid') : ' '}
            autoFocus
            autoComplete="new-password"
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
            fullWidth
          />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} sx={{ minHeight: 44 }}>
          {t('access.dialog.cancel')}
        </Button>
        <Button type="submit" form={`${ids}-form`} variant="contained" sx={{ minHeight: 44 }}>
          {t('access.lock.set')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
