/* What the native core's source files share: the functions _speedups.c's module
 * table lists from the other files. */
#ifndef TURBOMOCK_NATIVE_CORE_H
#define TURBOMOCK_NATIVE_CORE_H

#include <Python.h>

#if PY_VERSION_HEX < 0x030A0000
static inline PyObject *
Py_NewRef(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}

static inline PyObject *
Py_XNewRef(PyObject *obj)
{
    Py_XINCREF(obj);
    return obj;
}
#endif

/* _fast_mocks.c: Mock() and the first access to a child, without Python frames. */
PyObject *fast_mocks_state_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *fast_mocks_new_state(PyObject *module, PyObject *const *args, Py_ssize_t nargs);
PyObject *fast_mocks_setup(PyObject *module, PyObject *config);
PyObject *fast_mocks_install(PyObject *module, PyObject *arg);
PyObject *fast_mocks_installed(PyObject *module, PyObject *arg);
PyObject *fast_mocks_fresh_return_value(PyObject *module, PyObject *self);

/* _shared_keys.c: one attribute-keys table per pool of leaves. */
PyObject *shared_keys_share(PyObject *module, PyObject *const *args, Py_ssize_t nargs);

/* What _fast_mocks.c's setup found, for the other files (valid once `ready`). */
typedef struct {
    int ready;
    PyTypeObject *state_type, *base_type, *pool_type;
    PyObject *default_, *str_mock_pool, *empty_tuple;
    PyObject *lock_acquire, *lock_release;  /* _state.lock's: the engine's lock */
    Py_ssize_t off_state, off_new_parent, off_pending, off_return_value, off_side_effect,
        off_calls, off_extra, off_probe;
} TmCore;
extern TmCore tm_core;
/* `type.<name>` is found in the class itself, as a raw MRO lookup finds it. */
int tm_own_attribute(PyTypeObject *type, PyObject *name);
/* A new reference to config[key] (a setup dict), or NULL with a KeyError. */
PyObject *tm_take(PyObject *config, const char *key);
/* The offset of the writable object slot `name` of `type`, or -1 with an error. */
Py_ssize_t tm_slot_offset(PyTypeObject *type, const char *name);
/* A verdict about a class that its attributes and its metaclass's alone decide,
 * kept for the last class asked while neither's version tag changes (3.11+:
 * CPython gives a changed class, or one whose base changed, a new tag, and never
 * gives a tag twice). Before 3.11 it is worked out each time. */
typedef struct {
    PyTypeObject *type;
    unsigned int tag, meta_tag;
    int verdict;
} TmVerdict;
/* check(type) (1, 0, or -1 with an error), or the kept verdict. */
int tm_verdict(TmVerdict *kept, PyTypeObject *type, int (*check)(PyTypeObject *));
/* fresh_return_value(): a new reference, None when not handled, NULL on error. */
PyObject *tm_fresh_return_value(PyObject *self);

/* _fast_calls.c: calling a plain mock without Python frames. */
PyObject *fast_calls_setup(PyObject *module, PyObject *config);
void tm_install_call(PyTypeObject *leaf);
int tm_has_call(PyTypeObject *type);

#endif
