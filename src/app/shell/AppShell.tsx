import { useState } from 'react';
import { Navigate, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import { useSession, usePreferences, type DeviceClassChoice } from '../../session/store';
import { WORKSPACE_OF_GROUP } from '../../session/personnel';
import { useRuntimeConfig } from '../configContext';
import { PatientSearch } from './PatientSearch';
import { PersonaSwitchDialog } from './PersonaSwitchDialog';
import { ResetScenarioDialog } from './ResetScenarioDialog';
import { clearPatientData } from '../../access/session';
import { IdleLock, PinDialog, setLocked } from '../../access/IdleLock';
import { LeaderMenuItem } from '../../access/LeaderMenuItem';

function UserMenu() {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const prefs = usePreferences();
  const { config } = useRuntimeConfig();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [switching, setSwitching] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [choosingPin, setChoosingPin] = useState(false);
  if (!persona) return null;
  const close = () => setAnchor(null);
  const signOut = () => {
    close();
    useSession.getState().signOut();
    clearPatientData(queryClient);
    void navigate('/sign-in');
  };
  const canSwitch = config.auth.kind !== 'oidc';
  const onMock = config.auth.kind === 'persona';
  return (
    <>
      <Button
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? 'user-menu' : undefined}
        sx={{ textAlign: 'right', display: 'block', lineHeight: 1.2, py: 0.5 }}
      >
        <Typography component="span" sx={{ display: 'block', fontWeight: 600 }}>
          {persona.name}
        </Typography>
        <Typography component="span" variant="body2" sx={{ display: 'block' }}>
          {t(`group.${persona.personnelGroup}`)} · {persona.unitName} · {persona.municipalityName}
        </Typography>
      </Button>
      <Menu id="user-menu" anchorEl={anchor} open={Boolean(anchor)} onClose={close}>
        {canSwitch && (
          <MenuItem
            onClick={() => {
              close();
              setSwitching(true);
            }}
          >
            {t('shell.switchPersona')}
          </MenuItem>
        )}
        <Divider />
        <ListSubheader>{t('settings.language')}</ListSubheader>
        {(['nb', 'en'] as const).map((lang) => (
          <MenuItem key={lang} selected={prefs.language === lang} onClick={() => prefs.setLanguage(lang)} lang={lang}>
            {lang === 'nb' ? 'Norsk (bokmål)' : 'English'}
          </MenuItem>
        ))}
        <ListSubheader>{t('settings.theme')}</ListSubheader>
        {(['light', 'dark'] as const).map((mode) => (
          <MenuItem key={mode} selected={prefs.themeMode === mode} onClick={() => prefs.setThemeMode(mode)}>
            {t(`settings.themeMode.${mode}`)}
          </MenuItem>
        ))}
        <ListSubheader>{t('settings.device')}</ListSubheader>
        {(['auto', 'tablet', 'desktop'] as DeviceClassChoice[]).map((choice) => (
          <MenuItem key={choice} selected={prefs.deviceClass === choice} onClick={() => prefs.setDeviceClass(choice)}>
            {t(`settings.deviceClass.${choice}`)}
          </MenuItem>
        ))}
        <Divider />
        <LeaderMenuItem onClick={close} />
        <MenuItem
          onClick={() => {
            close();
            setChoosingPin(true);
          }}
        >
          {t('access.lock.choosePin')}
        </MenuItem>
        <MenuItem
          onClick={() => {
            close();
            setLocked(true);
          }}
        >
          {t('access.lock.lockNow')}
        </MenuItem>
        {onMock && (
          <MenuItem
            onClick={() => {
              close();
              setResetting(true);
            }}
          >
            {t('shell.resetScenario')}
          </MenuItem>
        )}
        <MenuItem onClick={signOut}>{t('shell.signOut')}</MenuItem>
      </Menu>
      {switching && <PersonaSwitchDialog open onClose={() => setSwitching(false)} />}
      {resetting && <ResetScenarioDialog open onClose={() => setResetting(false)} />}
      {choosingPin && <PinDialog onClose={() => setChoosingPin(false)} />}
    </>
  );
}

export function Component() {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  if (!persona) return <Navigate to="/sign-in" replace />;
  const workspaceId = WORKSPACE_OF_GROUP[persona.personnelGroup];
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Link
        href="#main"
        sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 } }}
      >
        {t('shell.skipToMain')}
      </Link>
      <AppBar position="static" color="default" elevation={1} component="header">
        <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1 }}>
          <Box sx={{ display: 'flex', flexDirection: 'column', mr: 1 }}>
            <Link component={RouterLink} to={`/${workspaceId}`} color="inherit" sx={{ fontWeight: 700, fontSize: '1.1rem' }}>
              {t('app.name')}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {t(`workspace.${workspaceId}.title`)}
            </Typography>
          </Box>
          {persona.personnelGroup !== 'config-admin' && <PatientSearch workspaceId={workspaceId} />}
          <Box sx={{ flexGrow: 1 }} />
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="main" id="main" tabIndex={-1} sx={{ flex: 1, p: { xs: 1.5, md: 3 }, outline: 'none' }}>
        <Outlet />
      </Box>
      <IdleLock />
    </Box>
  );
}
