:: A Windows scheduled task that runs one round every 5 minutes as SYSTEM, for windows_exporter's
:: textfile collector (run once in an elevated prompt; the state file sits beside the .prom file).
schtasks /Create /TN "siem-doctor watch" /RU SYSTEM /SC MINUTE /MO 5 /F /TR "\"C:\Program Files\siem-doctor\siem-doctor.exe\" watch --once --config \"C:\ProgramData\siem-doctor\siem-doctor.json\" --textfile-dir \"C:\Program Files\windows_exporter\textfile_inputs\""
