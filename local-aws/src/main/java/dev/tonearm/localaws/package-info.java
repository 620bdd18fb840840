/**
 * Local stand-ins for AWS services that run beside the JVM rather than inside it: S3Mock as a watched child
 * process. The embedded dev stack uses them, and so do the tests of every module that talks to S3.
 */
package dev.tonearm.localaws;
