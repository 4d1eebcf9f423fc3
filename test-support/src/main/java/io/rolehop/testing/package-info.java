/** Test fixtures shared by rolehop's modules. */
package io.rolehop.testing;
