import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { registerExchangeStrings } from '../../exchange/i18n';
import { useInbox } from '../../exchange/hooks';
import { countUnread, filterInbox, NO_FILTER, type Direction, type InboxFilter, type InboxItem } from '../../exchange/inbox';
import { MESSAGE_TYPES, type MessageType } from '../../exchange/messageTypes';
import type { DeviceClass, ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { MessageDialog } from './MessageDialog';

registerExchangeStrings();

function Row({ item, device, onOpen }: { item: InboxItem; device: DeviceClass; onOpen: () => void }) {
  const { t } = useTranslation();
  const type = t(`exchange.type.${item.type ?? 'unknown'}`);
  const patient = item.patient?.display ?? t('exchange.inbox.noPatient');
  const who =
    item.direction === 'in'
      ? t('exchange.inbox.from', { name: item.sender?.display ?? '' })
      : t('exchange.inbox.to', { name: item.recipients.map((r) => r.display ?? '').join(', ') });
  const statusTime = item.times[item.status];
  return (
    <Box
      component="button"
      type="button"
      onClick={onOpen}
      sx={{
        all: 'unset',
        boxSizing: 'border-box',
        display: 'block',
        width: '100%',
        cursor: 'pointer',
        minHeight: device === 'tablet' ? 64 : 52,
        px: 1,
        py: 0.75,
        borderBottom: 1,
        borderColor: 'divider',
        borderLeft: 4,
        borderLeftColor: item.overdue ? 'error.main' : item.unread ? 'primary.main' : 'transparent',
        color: 'text.primary',
        '&:hover': { bgcolor: 'action.hover' },
        '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1 }}>
        {item.unread && <Chip component="span" size="small" color="primary" label={t('exchange.inbox.unread')} />}
        {item.urgent && <Chip component="span" size="small" color="warning" label={t('exchange.inbox.urgent')} />}
        {item.overdue && <Chip component="span" size="small" color="error" label={t('exchange.inbox.overdue')} />}
        <Box component="span" sx={{ fontWeight: item.unread ? 700 : 600 }}>
          {type}
        </Box>
        <span>· {patient}</span>
      </Box>
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, typography: 'body2', color: 'text.secondary' }}>
        <span>{who}</span>
        <span>· {formatDateTime(item.message.sent)}</span>
        {item.direction === 'out' && <span>· {t('exchange.statusAt', { status: t(`exchange.status.${item.status}`), time: formatDateTime(statusTime) })}</span>}
      </Box>
      {item.summary && (
        <Box component="span" sx={{ display: 'block', typography: 'body2', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {item.summary}
        </Box>
      )}
    </Box>
  );
}

/**
 * Inbox (every clinical group's home): messages to the user and to the user's unit, unread
 * first, then urgent, then newest; or the messages the user sent, with their status and times,
 * questions past their due time first and marked. Filters by type, text, unread/overdue and
 * handled. Virtualised: a unit with thousands of messages keeps only the rows in view in the page.
 */
export default function Inbox({ workspaceId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const [direction, setDirection] = useState<Direction>('in');
  const [filter, setFilter] = useState<InboxFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [openId, setOpenId] = useState<string | null>(null);
  const lastOpen = useRef<InboxItem | null>(null);
  const { query, items, partial, unreadTotal, isPending, loaded } = useInbox(persona, direction);
  const shown = useMemo(() => filterInbox(items, deferredFilter), [items, deferredFilter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (device === 'tablet' ? 88 : 76),
    overscan: 6,
    getItemKey: (index) => shown[index]?.id ?? index,
  });

  if (!persona) return null;
  const openItem = openId ? (items.find((i) => i.id === openId) ?? (lastOpen.current?.id === openId ? lastOpen.current : null)) : null;
  if (openItem) lastOpen.current = openItem;
  const unread = partial ? (unreadTotal ?? countUnread(items)) : countUnread(items);
  const overdue = direction === 'out' ? items.filter((i) => i.overdue).length : 0;
  const set = (patch: Partial<InboxFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const listLabel = direction === 'in' ? t('exchange.inbox.listLabelIn') : t('exchange.inbox.listLabelOut');

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <ToggleGroup
          label={t('exchange.inbox.directionLabel')}
          value={direction}
          options={[
            { value: 'in', label: t('exchange.inbox.incoming') },
            { value: 'out', label: t('exchange.inbox.outgoing') },
          ]}
          onChange={(d) => {
            setDirection(d);
            set({ onlyOpen: false });
          }}
        />
        <Button variant="contained" component={RouterLink} to={`/${workspaceId}/messages/new`}>
          {t('exchange.inbox.newMessage')}
        </Button>
      </Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <TextField size="small" label={t('exchange.inbox.search')} placeholder={t('exchange.inbox.searchHelp')} value={filter.text} onChange={(e) => set({ text: e.target.value })} sx={{ minWidth: 200, flex: '1 1 200px' }} />
        <TextField size="small" select label={t('exchange.inbox.typeFilter')} value={filter.type} onChange={(e) => set({ type: e.target.value as MessageType | '' })} sx={{ minWidth: 180 }}>
          <MenuItem value="">{t('exchange.inbox.allTypes')}</MenuItem>
          {(Object.keys(MESSAGE_TYPES) as MessageType[]).map((type) => (
            <MenuItem key={type} value={type}>
              {t(`exchange.type.${type}`)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Checkbox checked={filter.onlyOpen} onChange={(e) => set({ onlyOpen: e.target.checked })} />}
          label={direction === 'in' ? t('exchange.inbox.onlyUnread') : t('exchange.inbox.onlyOverdue')}
        />
        <FormControlLabel control={<Checkbox checked={filter.showHandled} onChange={(e) => set({ showHandled: e.target.checked })} />} label={t('exchange.inbox.showHandled')} />
      </Box>
      {/* A look for new messages that fails (patchy coverage) says so above the list, which stays. */}
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {isPending ? (
        <LoadingLines />
      ) : !loaded ? null : (
        <>
          <Typography id={headingId} variant="body2" role="status" aria-live="polite" sx={{ fontWeight: unread > 0 || overdue > 0 ? 600 : 400 }}>
            {[
              direction === 'in' ? t('exchange.inbox.unreadCount', { count: unread }) : overdue > 0 ? t('exchange.inbox.overdueCount', { count: overdue }) : '',
              partial ? t('exchange.inbox.loadingRest') : t('exchange.inbox.shownCount', { shown: shown.length, total: items.length }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
          {shown.length === 0 ? (
            <Typography color="text.secondary">{items.length === 0 ? t('exchange.inbox.empty') : t('exchange.inbox.noMatch')}</Typography>
          ) : (
            <Box ref={scrollRef} data-testid="inbox-scroll" sx={{ flex: '1 1 auto', minHeight: 200, maxHeight: 640, overflow: 'auto', borderTop: 1, borderColor: 'divider' }}>
              <Box role="list" aria-label={listLabel} data-testid="inbox-list" sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
                {virtualizer.getVirtualItems().map((v) => {
                  const item = shown[v.index]!;
                  return (
                    <Box key={v.key} role="listitem" data-index={v.index} ref={virtualizer.measureElement} sx={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start}px)` }}>
                      <Row item={item} device={device} onOpen={() => setOpenId(item.id)} />
                    </Box>
                  );
                })}
              </Box>
            </Box>
          )}
        </>
      )}
      {openItem && <MessageDialog key={openItem.id} item={openItem} persona={persona} workspaceId={workspaceId} onClose={() => setOpenId(null)} />}
    </Box>
  );
}
