@echo off
rem pgdesk command-line launcher, written by the Maven build (mvn package) into target\.
if defined JAVA_HOME (set "PGDESK_JAVA=%JAVA_HOME%\bin\java") else (set "PGDESK_JAVA=java")
"%PGDESK_JAVA%" %PGDESK_JAVA_OPTS% -cp "@CLASSPATH@" @CLI_CLASS@ %*
