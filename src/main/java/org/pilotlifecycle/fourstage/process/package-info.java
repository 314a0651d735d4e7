/** The delegates and expression beans of the four-stage diagram: gap assessment, go/no-go, adoption programme. */
package org.pilotlifecycle.fourstage.process;
