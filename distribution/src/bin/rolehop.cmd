@echo off
rem rolehop launcher for Windows: runs the CLI on the module path of this distribution with the Java 17+ found
rem through JAVA_HOME, else on the PATH.
setlocal
set "APP_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto %ROLEHOP_JAVA_OPTS% "-Drolehop.dist=%APP_HOME%" "-Drolehop.launcher=%APP_HOME%\bin\rolehop.cmd" --module-path "%APP_HOME%\lib" --add-modules ALL-MODULE-PATH -m io.rolehop.cli/io.rolehop.cli.Main %*
exit /b %ERRORLEVEL%
