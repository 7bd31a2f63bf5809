/* Calling a plain mock without Python frames: `m(...)` when nothing of the user's
 * runs (no side effect, no wraps, no spec check, no hook overridden).
 *
 * CallableMixin.__call__ (turbomock/_mock.py) takes this case in Python already
 * ("_increment_mock_call, inline"): record the call (_state.record_call) and give
 * back the return value, making it on the first call. Here the same steps run in
 * C, as a pooled leaf's tp_call: install_call() swaps CPython's generic slot_tp_call
 * for mock_call below on leaves whose __call__ is the engine's, and CPython puts
 * the generic one back (update_slot) as soon as __call__ is set or deleted on the
 * leaf or a base, or its bases change. mock_call checks every condition the Python
 * fast path checks, and that the whole chain of parents is plain (no extra, so no
 * book and no delegate); anything else goes to the Python __call__ before
 * anything changed. No user code runs on this path, so no frame can be missed
 * (the frames a side effect sees are the Python path's: it takes those calls).
 *
 * Threads: as in record_call, the lists a first call makes are made under the
 * engine's lock (_state.lock), which every Python path that makes or replaces
 * them holds; appending to existing lists needs none (list.append is atomic, and
 * nothing here runs Python code between a check and the change it guards).
 *
 * Keep it in step with CallableMixin.__call__ and record_call.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_native_core.h"

#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))
/* Past this many parents the chain is left to Python (a cycle, made by hand,
 * would never end here; the stdlib's recording loops on it too). */
#define MAX_CHAIN 64

static int ready;
static ternaryfunc slot_call;          /* slot_tp_call, read off a Python class */
static PyObject *engine_call;          /* CallableMixin.__call__ */
static PyObject *check_sig, *increment, *mock_call_hook, *execute;  /* its hooks */
static PyObject *return_value_property; /* NonCallableMock.return_value */
static PyTypeObject *record_list_type;  /* _call_lists.RecordList */
static PyTypeObject *call_type;         /* _calls._Call */
static Py_ssize_t off_list_state;       /* RecordList._state */
static PyObject *str_call, *str_check_sig, *str_increment, *str_mock_call, *str_execute,
    *str_return_value;

/* setup(config): what mock_call works with (a dict; see turbomock/_mock.py, where
 * it is called once, after fast_mocks_setup()). */
PyObject *
fast_calls_setup(PyObject *module, PyObject *config)
{
    if (ready) {
        Py_RETURN_NONE;
    }
    if (!tm_core.ready) {
        PyErr_SetString(PyExc_RuntimeError, "fast calls setup before fast_mocks_setup()");
        return NULL;
    }
    if (!PyDict_Check(config)) {
        PyErr_SetString(PyExc_TypeError, "setup() takes a dict");
        return NULL;
    }
    PyObject *callable = tm_take(config, "callable");
    PyObject *record_list = NULL, *call = NULL;
    if (callable == NULL || !PyType_Check(callable)
        || (engine_call = tm_take(config, "call")) == NULL
        || (check_sig = tm_take(config, "check_sig")) == NULL
        || (increment = tm_take(config, "increment")) == NULL
        || (mock_call_hook = tm_take(config, "mock_call")) == NULL
        || (execute = tm_take(config, "execute")) == NULL
        || (return_value_property = tm_take(config, "return_value")) == NULL
        || (record_list = tm_take(config, "record_list")) == NULL || !PyType_Check(record_list)
        || (call = tm_take(config, "call_type")) == NULL || !PyType_Check(call)) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_TypeError, "fast calls setup: a class is not a class");
        }
        Py_XDECREF(callable);
        return NULL;
    }
    slot_call = ((PyTypeObject *)callable)->tp_call;
    Py_DECREF(callable);
    record_list_type = (PyTypeObject *)record_list;
    call_type = (PyTypeObject *)call;
    if ((off_list_state = tm_slot_offset(record_list_type, "_state")) < 0) {
        return NULL;
    }
    if ((str_call = PyUnicode_InternFromString("__call__")) == NULL
        || (str_check_sig = PyUnicode_InternFromString("_mock_check_sig")) == NULL
        || (str_increment = PyUnicode_InternFromString("_increment_mock_call")) == NULL
        || (str_mock_call = PyUnicode_InternFromString("_mock_call")) == NULL
        || (str_execute = PyUnicode_InternFromString("_execute_mock_call")) == NULL
        || (str_return_value = PyUnicode_InternFromString("return_value")) == NULL) {
        return NULL;
    }
    ready = 1;
    Py_RETURN_NONE;
}

/* `type.<name>` is `expected`, as the class attribute lookup finds it. */
static int
has(PyTypeObject *type, PyObject *name, PyObject *expected)
{
    return tm_own_attribute(type, name) && _PyType_Lookup(type, name) == expected;
}

/* The probe's call hooks and return_value are the engine's, as __call__ reads
 * them (the return value a call gives is what the class's return_value says). */
static int
engine_hooks_check(PyTypeObject *probe)
{
    return has(probe, str_check_sig, check_sig) && has(probe, str_increment, increment)
        && has(probe, str_mock_call, mock_call_hook) && has(probe, str_execute, execute)
        && has(probe, str_return_value, return_value_property);
}

static TmVerdict hooks_kept;

/* The state of each mock from `st`'s parent up, into `chain` (borrowed; its
 * length returned), if each is a mock with a plain state: no extra (so no book,
 * no delegate). -1: not so (Python records it). */
static int
plain_parents(PyObject *st, PyObject **chain)
{
    int count = 0;
    PyObject *parent = SLOT(st, tm_core.off_new_parent);
    while (parent != Py_None) {
        if (count == MAX_CHAIN || !PyObject_TypeCheck(parent, tm_core.base_type)) {
            return -1;
        }
        PyObject *pst = SLOT(parent, tm_core.off_state);
        if (pst == NULL || !Py_IS_TYPE(pst, tm_core.state_type)
            || SLOT(pst, tm_core.off_extra) != Py_None) {
            return -1;
        }
        chain[count++] = pst;
        parent = SLOT(pst, tm_core.off_new_parent);
    }
    return count;
}

/* The states of `st`'s parents (into `chain`, borrowed; their count returned) if
 * `st` is still plain with no side effect and every parent is plain; else -1. */
static int
plain_chain(PyObject *st, PyObject **chain)
{
    if (SLOT(st, tm_core.off_extra) != Py_None || SLOT(st, tm_core.off_side_effect) != Py_None) {
        return -1;
    }
    return plain_parents(st, chain);
}

/* Whether a first call anywhere on the chain needs lists made (under the lock). */
static int
lists_missing(PyObject *st, PyObject **chain, int count)
{
    if (SLOT(st, tm_core.off_calls) == Py_None || SLOT(st, tm_core.off_pending) == Py_None) {
        return 1;
    }
    for (int i = 0; i < count; i++) {
        if (SLOT(chain[i], tm_core.off_pending) == Py_None) {
            return 1;
        }
    }
    return 0;
}

/* A new reference to the list in `st`'s slot at `offset`, made (a RecordList for
 * calls) if it is None; NULL with an error. The caller holds the lock and `st`. */
static PyObject *
list_in(PyObject *st, Py_ssize_t offset, int record_list)
{
    PyObject *found = SLOT(st, offset);
    if (found != Py_None) {
        return Py_NewRef(found);
    }
    PyObject *made;
    if (record_list) {
        /* RecordList(st), whose __init__ only sets _state: set here. */
        made = PyList_Type.tp_new(record_list_type, tm_core.empty_tuple, NULL);
        if (made != NULL) {
            SLOT(made, off_list_state) = Py_NewRef(st);
        }
    }
    else {
        made = PyList_New(0);
    }
    if (made == NULL) {
        return NULL;
    }
    /* Read again: making it could run a collection, and finalizers with it. */
    found = SLOT(st, offset);
    if (found != Py_None) {
        Py_DECREF(made);
        return Py_NewRef(found);
    }
    SLOT(st, offset) = Py_NewRef(made);
    Py_DECREF(found);
    return made;
}

/* record_call(st, args, kwargs) for a plain chain (plain_chain): the call's
 * record appended to the mock's lists and an event to each parent's pending list.
 * 0, or -1 with an error; 1: the chain is no longer plain (nothing recorded:
 * Python records it). `st` is held by the caller. */
static int
record(PyObject *st, PyObject *args, PyObject *kwargs)
{
    /* Made first: an allocation can run a collection, and so finalizers, which
     * could change the chain: it is read after the last one (and again after
     * waiting for the lock), and not kept across either. */
    PyObject *pair = PyTuple_Pack(2, args, kwargs);
    PyObject *wrapped = pair == NULL ? NULL : PyTuple_Pack(1, pair);
    Py_XDECREF(pair);
    /* tuple.__new__(_Call, (args, kwargs)), as record_call makes it */
    PyObject *call = wrapped == NULL ? NULL : PyTuple_Type.tp_new(call_type, wrapped, NULL);
    Py_XDECREF(wrapped);
    PyObject *event = call == NULL ? NULL : PyTuple_Pack(2, st, call);
    if (event == NULL) {
        Py_XDECREF(call);
        return -1;
    }
    int status = 0;
    PyObject *chain[MAX_CHAIN];
    int count = plain_chain(st, chain);
    if (count < 0) {
        Py_DECREF(event);
        Py_DECREF(call);
        return 1;
    }
    int locked = lists_missing(st, chain, count);
    /* Held from here when lists are made: making one can run a collection (and
     * finalizers, or another thread), which could drop what was read. */
    PyObject *held[MAX_CHAIN];
    int nheld = 0;
    PyObject *calls = NULL, *pending = NULL;
    if (locked) {
        PyObject *done = PyObject_CallNoArgs(tm_core.lock_acquire);
        if (done == NULL) {
            Py_DECREF(event);
            Py_DECREF(call);
            return -1;
        }
        Py_DECREF(done);
        /* The wait may have let other threads run: the chain is read again. */
        if ((count = plain_chain(st, chain)) < 0) {
            status = 1;
            goto unlock;
        }
        for (; nheld < count; nheld++) {
            held[nheld] = Py_NewRef(chain[nheld]);
        }
        calls = list_in(st, tm_core.off_calls, 1);
        pending = calls == NULL ? NULL : list_in(st, tm_core.off_pending, 0);
    }
    else {
        calls = Py_NewRef(SLOT(st, tm_core.off_calls));
        pending = Py_NewRef(SLOT(st, tm_core.off_pending));
    }
    if (pending == NULL || PyList_Append(calls, call) < 0 || PyList_Append(pending, call) < 0) {
        status = -1;
        goto unlock;
    }
    for (int i = 0; i < count; i++) {
        /* (Appended to at once: nothing runs between getting it and that.) */
        PyObject *list = locked ? list_in(chain[i], tm_core.off_pending, 0)
                                : Py_NewRef(SLOT(chain[i], tm_core.off_pending));
        int failed = list == NULL || PyList_Append(list, event) < 0;
        Py_XDECREF(list);
        if (failed) {
            status = -1;
            goto unlock;
        }
    }
unlock:
    Py_XDECREF(calls);
    Py_XDECREF(pending);
    while (nheld > 0) {
        Py_DECREF(held[--nheld]);
    }
    if (locked) {
        PyObject *exc_type, *exc_value, *exc_tb;
        PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
        PyObject *done = PyObject_CallNoArgs(tm_core.lock_release);
        if (done == NULL) {
            Py_XDECREF(exc_type);
            Py_XDECREF(exc_value);
            Py_XDECREF(exc_tb);
            status = -1;
        }
        else {
            Py_DECREF(done);
            PyErr_Restore(exc_type, exc_value, exc_tb);
        }
    }
    Py_DECREF(event);
    Py_DECREF(call);
    return status;
}

/* A new tuple of `args`'s items (PyTuple_GetSlice would give an exact tuple back). */
static PyObject *
copy_tuple(PyObject *args)
{
    Py_ssize_t count = PyTuple_GET_SIZE(args);
    PyObject *copy = PyTuple_New(count);
    for (Py_ssize_t i = 0; copy != NULL && i < count; i++) {
        PyTuple_SET_ITEM(copy, i, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    return copy;
}

/* The engine's __call__ itself, with `self` first: the Python path. */
static PyObject *
python_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t count = PyTuple_GET_SIZE(args);
    PyObject *full = PyTuple_New(count + 1);
    if (full == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(full, 0, Py_NewRef(self));
    for (Py_ssize_t i = 0; i < count; i++) {
        PyTuple_SET_ITEM(full, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    }
    PyObject *result = PyObject_Call(engine_call, full, kwargs);
    Py_DECREF(full);
    return result;
}

/* A leaf's tp_call: CallableMixin.__call__'s fast path, else __call__ itself. */
static PyObject *
mock_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *st = SLOT(self, tm_core.off_state);
    if (st == NULL || !Py_IS_TYPE(st, tm_core.state_type)
        || SLOT(st, tm_core.off_extra) != Py_None
        || SLOT(st, tm_core.off_side_effect) != Py_None) {
        return python_call(self, args, kwargs);
    }
    /* The hooks as __call__ reads them: off the pool's probe (an unedited leaf). */
    PyTypeObject *type = Py_TYPE(self);
    PyObject *pool = tm_own_attribute(type, tm_core.str_mock_pool)
        ? PyDict_GetItemWithError(type->tp_dict, tm_core.str_mock_pool) : NULL;
    if (pool == NULL || !Py_IS_TYPE(pool, tm_core.pool_type)) {
        return PyErr_Occurred() ? NULL : python_call(self, args, kwargs);
    }
    PyObject *probe = SLOT(pool, tm_core.off_probe);
    if (probe == NULL || !PyType_Check(probe)
        || tm_verdict(&hooks_kept, (PyTypeObject *)probe, engine_hooks_check) <= 0) {
        return python_call(self, args, kwargs);
    }
    PyObject *chain[MAX_CHAIN];
    if (plain_parents(st, chain) < 0) {
        return python_call(self, args, kwargs);  /* (before anything is made) */
    }
    Py_INCREF(self);  /* (held: a finalizer run by an allocation could drop them) */
    Py_INCREF(st);
    /* **kwargs: a dict of the call's own, of string keys only (else Python's
     * binding raises its TypeError). */
    PyObject *own;
    if (kwargs == NULL) {
        own = PyDict_New();
    }
    else {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                Py_DECREF(st);
                PyObject *result = python_call(self, args, kwargs);
                Py_DECREF(self);
                return result;
            }
        }
        own = PyDict_Copy(kwargs);  /* (a C caller may pass a dict it keeps) */
    }
    /* *args: a tuple of the call's own too. One a caller made for this call alone
     * (the usual case) is; one it keeps (m(*t) passes t itself), or a subclass
     * from C, is copied, as Python's binding copies it. */
    PyObject *own_args = Py_REFCNT(args) == 1 && PyTuple_CheckExact(args)
        ? Py_NewRef(args) : copy_tuple(args);
    PyObject *result = NULL;
    int status = own == NULL || own_args == NULL ? -1 : record(st, own_args, own);
    Py_XDECREF(own_args);
    Py_XDECREF(own);
    if (status > 0) {
        result = python_call(self, args, kwargs);
    }
    else if (status == 0) {
        /* self.return_value if it is DEFAULT, else it */
        PyObject *value = SLOT(st, tm_core.off_return_value);
        if (value != tm_core.default_) {
            result = Py_NewRef(value);
        }
        else {
            result = tm_fresh_return_value(self);
            if (result == Py_None) {
                Py_CLEAR(result);  /* not handled */
            }
            if (result == NULL && !PyErr_Occurred()) {
                result = PyObject_GetAttr(self, str_return_value);
            }
        }
    }
    Py_DECREF(st);
    Py_DECREF(self);
    return result;
}

/* Give a pooled leaf mock_call where it stands in for slot_tp_call exactly (its
 * __call__ is the engine's); called by fast_mocks_install. */
void
tm_install_call(PyTypeObject *leaf)
{
    if (ready && leaf->tp_call == slot_call && _PyType_Lookup(leaf, str_call) == engine_call) {
        leaf->tp_call = mock_call;
    }
}

/* Whether `type` has mock_call (fast_mocks_installed, tests). */
int
tm_has_call(PyTypeObject *type)
{
    return type->tp_call == mock_call;
}
