/* What the native core's source files share: the functions _speedups.c's module
 * table lists from the other files. */
#ifndef TURBOMOCK_NATIVE_CORE_H
#define TURBOMOCK_NATIVE_CORE_H

#include <Python.h>

/* _fast_mocks.c: Mock() and the first access to a child, without Python frames. */
PyObject *fast_mocks_state_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *fast_mocks_new_state(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *fast_mocks_setup(PyObject *module, PyObject *config);
PyObject *fast_mocks_install(PyObject *module, PyObject *arg);
PyObject *fast_mocks_installed(PyObject *module, PyObject *arg);

#endif
