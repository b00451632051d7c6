/** Help > About: the version and build, the licence, the data folder and the Java and JavaFX that run the app. */
package io.arbiter.ui.about;
