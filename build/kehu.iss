; Inno Setup 6 script: the Windows installer for the PyInstaller folder dist\kehu.
; Saved as UTF-8 with a byte-order mark: Inno Setup reads the Chinese names correctly then.
;   pyinstaller kehu.spec --noconfirm --workpath build\pyinstaller --distpath dist
;   iscc build\kehu.iss            -> dist\kehu-VERSION-setup.exe
; Installs for the current user only (no administrator rights, nothing machine-wide):
; %LOCALAPPDATA%\Programs\kehu, Start-menu entries named in the installer's language
; (Chinese or English), the uninstaller's entry under HKCU. No file associations, no PATH
; change, no services. The user's database and settings stay when kehu is uninstalled.
; Written from the Inno Setup documentation; not compiled or run here (no Windows): try it on
; Windows before a release. ChineseSimplified.isl ships with recent Inno Setup 6 releases; with
; an older one, copy it from the Inno Setup translations page into its Languages folder.

; The version comes from the version resource kehu.spec puts into kehu.exe (kehu.__version__).
#define AppExe "kehu.exe"
#define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\dist\kehu\" + AppExe)
; Equal to kehu.identity.APP_ID: the window sets the same AppUserModelID on itself.
#define AppUserModelID "io.github.kehu.Kehu"

[Setup]
AppId={#AppUserModelID}
AppName=kehu
AppVersion={#AppVersion}
AppVerName=kehu {#AppVersion}
AppPublisher=kehu
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\kehu
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=kehu-{#AppVersion}-setup
SetupIconFile=kehu.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
english.AppName=kehu Client Records
chinesesimplified.AppName=客户档案
english.AppComment=Client records, visiting routes and visit reports
chinesesimplified.AppComment=客户档案、客户路序与访问日报
english.CommandLine=kehu Command Line
chinesesimplified.CommandLine=客户档案命令行
english.CommandLineComment=A command prompt for kehu-cli (kehu-cli --help lists the commands)
chinesesimplified.CommandLineComment=可使用 kehu-cli 的命令提示符（kehu-cli --help 列出全部命令）

[Files]
Source: "..\dist\kehu\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole folder: no library of an older Qt stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; AppUserModelID: "{#AppUserModelID}"
Name: "{autoprograms}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k kehu-cli --help"; WorkingDir: "{app}"; Comment: "{cm:CommandLineComment}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
