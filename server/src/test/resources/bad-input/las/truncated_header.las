~Version
 VERS. 2.0 : CWLS LAS 2.0
 WRAP. NO : one line per depth
~Well
 STRT.M 0.0 : start
 STOP.M 2.0 : stop
 STEP.M 1.0 : step
 NULL. -999.25 : null
 WELL. DH1 : well
 UWI. DH1 : uwi
~Curve
 DEPT.M : dep