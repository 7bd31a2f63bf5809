/* Making plain mocks without Python frames: `Mock()` and the first access to a
 * child (`m.a` on a fresh `m`), in C.
 *
 * A fresh chain `m.a.b.c` is mostly one run of the mock's __init__ and three of
 * NonCallableMock.__getattr__, each taking its common case: make a MockState (and,
 * for a child, take a leaf from the child pool, make the mock, store it). In
 * Python that costs two or three frames per mock. Here the same steps run in C.
 *
 * How it is wired: a pooled leaf inherits a Python __init__ and __getattr__, so its
 * tp_init and tp_getattro are CPython's generic slot functions (slot_tp_init,
 * slot_tp_getattr_hook). install() swaps them, on leaves only, for mock_init and
 * mock_getattro below, which do what those do, except that they first try the
 * common case: no arguments (mock_init), a new plain child (fresh_child). Both check
 * every condition the Python code checks for its own common case (init_mock and
 * NonCallableMock.__init__ in _construct.py/_mock.py; new_child in _children.py,
 * its direct path for a mock with no `extra`); anything else returns "not handled"
 * before changing anything, and the Python code runs in full. So behaviour is the
 * Python code's, which runs alone under TURBOMOCK_PURE_PYTHON=1 and passes the
 * same tests.
 *
 * Setting or deleting __init__, __getattr__ or __getattribute__ on a leaf or any
 * base, or changing a leaf's bases, makes CPython recompute the slots (update_slot),
 * which puts its generic functions back: correct, only slower. That is why the
 * functions below need not look those names up again.
 *
 * Keep the common cases here in step with the Python code they stand in for.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>

#if PY_VERSION_HEX < 0x030C0000
#include <structmember.h>
#define Py_T_OBJECT_EX T_OBJECT_EX
#endif

#include "_native_core.h"


#define SLOT(obj, offset) (*(PyObject **)((char *)(obj) + (offset)))

/* Filled by setup(); install() refuses until then. */
static int ready;
static getattrofunc hook;              /* slot_tp_getattr_hook, read off a Python class */
static initproc slot_init;             /* slot_tp_init, likewise */
static newfunc slot_new;               /* slot_tp_new, likewise */
static PyObject *passing_inits;        /* _construct.PASSING_INITS: (class, init) pairs */
static PyObject *empty_name;           /* the "" of _new_name's default */
static PyObject *generic_getattribute; /* object.__getattribute__ */
static PyObject *engine_getattr;       /* NonCallableMock.__getattr__ */
static PyObject *engine_new;           /* NonCallableMock.__dict__['__new__'] */
static PyObject *engine_init;          /* NonCallableMock.__init__ */
static PyObject *pooled_init;          /* _construct.init_mock (Mock.__init__) */
static PyObject *get_child_mock;       /* the engine's _get_child_mock */
static PyObject *engine_inits;         /* _construct.ENGINE_INITS (a list, read live) */
static PyObject *plain_names;          /* _children.PLAIN_NAMES (a set, read live) */
static PyObject *deleted;              /* _sentinels._deleted */
static PyObject *default_;             /* DEFAULT */
static PyObject *new_child;            /* _children.new_child(self, st, name) */
static PyObject *object_new;           /* object.__new__ */
static PyTypeObject *base_type;        /* _base.Base */
static PyTypeObject *state_type;       /* _state.MockState */
static PyTypeObject *pool_type;        /* _mock_type.Pool */
static PyTypeObject *extra_type;       /* _state.Extra */
static PyObject *missing;              /* _sentinels._missing */
static Py_ssize_t off_extra_delegate, off_extra_wraps, off_extra_spec_asyncs,
    off_extra_sealed;
static Py_ssize_t off_state;           /* Base._mock_state */
static Py_ssize_t off_parent, off_name, off_new_parent, off_new_name, off_pending,
    off_magics, off_return_value, off_side_effect, off_calls, off_extra;
static Py_ssize_t off_children, off_probe, off_free, off_bag;
static PyObject *str_getattr, *str_getattribute, *str_mock_pool, *str_get_child_mock,
    *str_new, *str_init, *str_mock_cell, *str_call_key, *zero, *empty_tuple;

TmCore tm_core;

/* The offset of an object slot of `type` named `name`, or -1 with an error set. */
static Py_ssize_t
slot_offset(PyTypeObject *type, const char *name)
{
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL) {
        return -1;
    }
    PyObject *descr = _PyType_Lookup(type, key);
    Py_DECREF(key);
    if (descr == NULL || !Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not a slot", type->tp_name, name);
        return -1;
    }
    PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
    if (member->type != Py_T_OBJECT_EX || member->flags != 0) {
        PyErr_Format(PyExc_TypeError, "%s.%s is not a writable object slot",
                     type->tp_name, name);
        return -1;
    }
    return member->offset;
}

PyObject *
tm_take(PyObject *config, const char *key)
{
    PyObject *value = PyDict_GetItemString(config, key);
    if (value == NULL) {
        PyErr_Format(PyExc_KeyError, "the native core's setup lacks %s", key);
        return NULL;
    }
    return Py_NewRef(value);
}

static PyTypeObject *
take_type(PyObject *config, const char *key)
{
    PyObject *value = tm_take(config, key);
    if (value != NULL && !PyType_Check(value)) {
        Py_DECREF(value);
        PyErr_Format(PyExc_TypeError, "fast children setup: %s is not a type", key);
        return NULL;
    }
    return (PyTypeObject *)value;
}

/* state_setup(MockState, DEFAULT): what make_state() works with, set by
 * turbomock/_state.py as soon as the class exists (its new_state() is then
 * new_state() below: one MockState construction for every path). */
PyObject *
fast_mocks_state_setup(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (state_type != NULL) {
        Py_RETURN_NONE;
    }
    if (nargs != 2 || !PyType_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "state_setup() takes the state class and DEFAULT");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)args[0];
    Py_ssize_t offsets[10];
    static const char *const names[10] = {
        "parent", "name", "new_parent", "new_name", "pending",
        "magics", "return_value", "side_effect", "calls", "extra",
    };
    for (int i = 0; i < 10; i++) {
        if ((offsets[i] = slot_offset(type, names[i])) < 0) {
            return NULL;
        }
    }
    off_parent = offsets[0];
    off_name = offsets[1];
    off_new_parent = offsets[2];
    off_new_name = offsets[3];
    off_pending = offsets[4];
    off_magics = offsets[5];
    off_return_value = offsets[6];
    off_side_effect = offsets[7];
    off_calls = offsets[8];
    off_extra = offsets[9];
    default_ = Py_NewRef(args[1]);
    state_type = (PyTypeObject *)Py_NewRef((PyObject *)type);
    Py_RETURN_NONE;
}

/* setup(config): the objects and slots the fast paths work with (a dict; see
 * turbomock/_mock.py, where it is called once, after state_setup()). */
PyObject *
fast_mocks_setup(PyObject *module, PyObject *config)
{
    if (ready) {
        Py_RETURN_NONE;
    }
    if (state_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "fast children setup before state_setup()");
        return NULL;
    }
    if (!PyDict_Check(config)) {
        PyErr_SetString(PyExc_TypeError, "setup() takes a dict");
        return NULL;
    }
    PyObject *lock = NULL;
    PyTypeObject *engine = take_type(config, "engine");
    if (engine == NULL) {
        return NULL;
    }
    hook = engine->tp_getattro;
    slot_init = engine->tp_init;
    slot_new = engine->tp_new;
    Py_DECREF(engine);
    if ((engine_getattr = tm_take(config, "getattr")) == NULL
        || (engine_new = tm_take(config, "new")) == NULL
        || (engine_init = tm_take(config, "init")) == NULL
        || (pooled_init = tm_take(config, "init_mock")) == NULL
        || (get_child_mock = tm_take(config, "get_child_mock")) == NULL
        || (engine_inits = tm_take(config, "engine_inits")) == NULL
        || (passing_inits = tm_take(config, "passing_inits")) == NULL
        || (empty_name = tm_take(config, "empty_name")) == NULL
        || (plain_names = tm_take(config, "plain_names")) == NULL
        || (deleted = tm_take(config, "deleted")) == NULL
        || (new_child = tm_take(config, "new_child")) == NULL
        || (base_type = take_type(config, "base")) == NULL
        || (pool_type = take_type(config, "pool")) == NULL
        || (extra_type = take_type(config, "extra")) == NULL
        || (missing = tm_take(config, "missing")) == NULL
        || (lock = tm_take(config, "lock")) == NULL
        || (tm_core.lock_acquire = PyObject_GetAttrString(lock, "acquire")) == NULL
        || (tm_core.lock_release = PyObject_GetAttrString(lock, "release")) == NULL) {
        Py_XDECREF(lock);
        return NULL;
    }
    Py_DECREF(lock);
    if (!PyList_CheckExact(engine_inits) || !PyList_CheckExact(passing_inits)
        || !Py_IS_TYPE(plain_names, &PySet_Type)) {
        PyErr_SetString(PyExc_TypeError, "the inits must be lists, plain_names a set");
        return NULL;
    }
    if ((off_state = slot_offset(base_type, "_mock_state")) < 0
        || (off_children = slot_offset(pool_type, "children")) < 0
        || (off_probe = slot_offset(pool_type, "probe")) < 0
        || (off_free = slot_offset(pool_type, "free")) < 0
        || (off_bag = slot_offset(pool_type, "bag")) < 0
        || (off_extra_delegate = slot_offset(extra_type, "delegate")) < 0
        || (off_extra_wraps = slot_offset(extra_type, "wraps")) < 0
        || (off_extra_spec_asyncs = slot_offset(extra_type, "spec_asyncs")) < 0
        || (off_extra_sealed = slot_offset(extra_type, "sealed")) < 0) {
        return NULL;
    }
    if ((str_getattr = PyUnicode_InternFromString("__getattr__")) == NULL
        || (str_getattribute = PyUnicode_InternFromString("__getattribute__")) == NULL
        || (str_mock_pool = PyUnicode_InternFromString("_mock_pool")) == NULL
        || (str_get_child_mock = PyUnicode_InternFromString("_get_child_mock")) == NULL
        || (str_new = PyUnicode_InternFromString("__new__")) == NULL
        || (str_init = PyUnicode_InternFromString("__init__")) == NULL
        || (str_mock_cell = PyUnicode_InternFromString("_mock_cell")) == NULL
        || (str_call_key = PyUnicode_InternFromString("()")) == NULL
        || (zero = PyLong_FromLong(0)) == NULL
        || (empty_tuple = PyTuple_New(0)) == NULL) {
        return NULL;
    }
    generic_getattribute = _PyType_Lookup(&PyBaseObject_Type, str_getattribute);
    object_new = PyObject_GetAttr((PyObject *)&PyBaseObject_Type, str_new);
    if (generic_getattribute == NULL || object_new == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "object.__getattribute__/__new__ not found");
        return NULL;
    }
    Py_INCREF(generic_getattribute);
    tm_core = (TmCore){
        .lock_acquire = tm_core.lock_acquire, .lock_release = tm_core.lock_release,
        .ready = 1, .state_type = state_type, .base_type = base_type, .pool_type = pool_type,
        .default_ = default_, .str_mock_pool = str_mock_pool, .empty_tuple = empty_tuple,
        .off_state = off_state, .off_new_parent = off_new_parent, .off_pending = off_pending,
        .off_return_value = off_return_value, .off_side_effect = off_side_effect,
        .off_calls = off_calls, .off_extra = off_extra, .off_probe = off_probe,
    };
    ready = 1;
    Py_RETURN_NONE;
}

Py_ssize_t
tm_slot_offset(PyTypeObject *type, const char *name)
{
    return slot_offset(type, name);
}

/* True when `type.<name>` is `type`'s own attribute `name`, as a raw lookup finds
 * it: the metaclass reads attributes as `type` does and has no data descriptor of
 * that name, which would take precedence. */
static int
own_attribute(PyTypeObject *type, PyObject *name)
{
    PyTypeObject *meta = Py_TYPE(type);
    if (meta->tp_getattro != PyType_Type.tp_getattro) {
        return 0;
    }
    PyObject *meta_attribute = _PyType_Lookup(meta, name);
    return meta_attribute == NULL || Py_TYPE(meta_attribute)->tp_descr_set == NULL;
}

int
tm_own_attribute(PyTypeObject *type, PyObject *name)
{
    return own_attribute(type, name);
}

int
tm_verdict(TmVerdict *kept, PyTypeObject *type, int (*check)(PyTypeObject *))
{
#if PY_VERSION_HEX >= 0x030B0000
    if (kept->type == type && kept->tag != 0 && kept->tag == type->tp_version_tag
        && kept->meta_tag == Py_TYPE(type)->tp_version_tag) {
        return kept->verdict;
    }
#endif
    int verdict = check(type);
#if PY_VERSION_HEX >= 0x030B0000
    /* (The lookups check made gave the classes tags where they had none.) */
    if (verdict >= 0 && type->tp_version_tag != 0 && Py_TYPE(type)->tp_version_tag != 0) {
        *kept = (TmVerdict){type, type->tp_version_tag, Py_TYPE(type)->tp_version_tag, verdict};
    }
#endif
    return verdict;
}

/* new_state(parent, name, new_parent, new_name) of _state.py: a new reference. */
static PyObject *
make_state(PyObject *parent, PyObject *name, PyObject *new_parent, PyObject *new_name)
{
    PyObject *state = PyDict_Type.tp_new(state_type, empty_tuple, NULL);
    if (state == NULL) {
        return NULL;
    }
    SLOT(state, off_parent) = Py_NewRef(parent);
    SLOT(state, off_name) = Py_NewRef(name);
    SLOT(state, off_new_parent) = Py_NewRef(new_parent);
    SLOT(state, off_new_name) = Py_NewRef(new_name);
    SLOT(state, off_pending) = Py_NewRef(Py_None);
    SLOT(state, off_magics) = Py_NewRef(Py_None);
    SLOT(state, off_side_effect) = Py_NewRef(Py_None);
    SLOT(state, off_calls) = Py_NewRef(Py_None);
    SLOT(state, off_extra) = Py_NewRef(Py_None);
    SLOT(state, off_return_value) = Py_NewRef(default_);
    return state;
}

/* new_state(parent, name, new_parent, new_name): _state.new_state, in C (what the
 * Python code calls when the native core is on). */
PyObject *
fast_mocks_new_state(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (state_type == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "new_state() before state_setup()");
        return NULL;
    }
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "new_state() takes exactly 4 arguments (%zd given)",
                     nargs);
        return NULL;
    }
    return make_state(args[0], args[1], args[2], args[3]);
}

/* object.__new__(leaf), without the call: object's tp_new straight away where
 * object.__new__ would accept the class (its check: the nearest base not made in
 * Python takes object's tp_new), else the call itself, for its error. */
static PyObject *
new_instance(PyObject *leaf)
{
    PyTypeObject *base = (PyTypeObject *)leaf;
    while (base != NULL && base->tp_new == slot_new) {
        base = base->tp_base;
    }
    if (base != NULL && base->tp_new == PyBaseObject_Type.tp_new) {
        return PyBaseObject_Type.tp_new((PyTypeObject *)leaf, empty_tuple, NULL);
    }
    return PyObject_CallOneArg(object_new, leaf);
}

/* Can the engine build `cpool`'s children directly: its probe's __new__ and
 * __init__ are the engine's (the checks of direct_pool in _children.py)? */
static int
engine_built_check(PyTypeObject *type)
{
    if (!own_attribute(type, str_new)
        || !own_attribute(type, str_init) || _PyType_Lookup(type, str_new) != engine_new) {
        return 0;
    }
    PyObject *init = _PyType_Lookup(type, str_init);
    if (init == NULL || !PyFunction_Check(init)) {
        return 0;
    }
    return PySequence_Contains(engine_inits, init);
}

static TmVerdict engine_built_kept, child_hook_kept;

static int
engine_built(PyObject *probe)
{
    return PyType_Check(probe)
        ? tm_verdict(&engine_built_kept, (PyTypeObject *)probe, engine_built_check) : 0;
}

/* A pool's probe makes children with the engine's _get_child_mock. */
static int
child_hook_check(PyTypeObject *probe)
{
    return own_attribute(probe, str_get_child_mock)
        && _PyType_Lookup(probe, str_get_child_mock) == get_child_mock;
}

/* The pool `self`'s children named `key` come from, borrowed, when the engine may
 * build them directly (direct_pool in _children.py): self's class is a pooled leaf
 * whose probe has the engine's _get_child_mock, the child pool is known, holds a
 * free leaf, and its probe's __new__ and __init__ are the engine's. NULL without
 * an error: not so (Python decides, restocks or works the pool out); NULL with
 * one: a check raised. Runs no user code. (Pools live in _mock_type._pools for
 * good: borrowing them is safe.) */
static PyObject *
direct_pool(PyObject *self, PyObject *key)
{
    PyTypeObject *type = Py_TYPE(self);  /* (a subclass of Base: install() saw to it) */
    if (!own_attribute(type, str_mock_pool)) {
        return NULL;
    }
    /* type(self)._mock_pool: a leaf holds it in its own namespace (the first
     * place the lookup tries; the metaclass has no such attribute). */
    PyObject *pool = PyDict_GetItemWithError(type->tp_dict, str_mock_pool);
    if (pool == NULL || !Py_IS_TYPE(pool, pool_type)) {
        return NULL;
    }
    PyObject *probe = SLOT(pool, off_probe);
    if (probe == NULL || !PyType_Check(probe)
        || tm_verdict(&child_hook_kept, (PyTypeObject *)probe, child_hook_check) <= 0) {
        return NULL;
    }
    PyObject *children = SLOT(pool, off_children);
    if (children == NULL || !PyDict_CheckExact(children)) {
        return NULL;
    }
    PyObject *cpool = PyDict_GetItemWithError(children, key);  /* (keys: None, str) */
    if (cpool == NULL || !Py_IS_TYPE(cpool, pool_type)) {
        return NULL;  /* unknown yet (Python works it out), or no direct pool */
    }
    PyObject *cprobe = SLOT(cpool, off_probe);
    PyObject *free = SLOT(cpool, off_free);
    if (cprobe == NULL || free == NULL || !PyList_CheckExact(free)
        || PyList_GET_SIZE(free) == 0) {
        return NULL;  /* (an empty list: Python restocks) */
    }
    if (engine_built(cprobe) <= 0) {
        return NULL;  /* (a function's == never fails) */
    }
    return cpool;
}

/* instance(cpool) of _construct.py with the state new_state(parent, name,
 * new_parent, new_name): a new reference to the mock, or NULL with an error. The
 * caller saw (direct_pool) that cpool has a free leaf. */
static PyObject *
pooled_mock(PyObject *cpool, PyObject *parent, PyObject *name, PyObject *new_parent,
            PyObject *new_name)
{
    PyObject *free = SLOT(cpool, off_free);
    Py_ssize_t last = PyList_GET_SIZE(free) - 1;
    PyObject *leaf = Py_NewRef(PyList_GET_ITEM(free, last));
    PyObject *child = NULL;
    if (PyList_SetSlice(free, last, last + 1, NULL) < 0) {
        goto fail;
    }
    child = new_instance(leaf);
    if (child == NULL) {
        goto fail;
    }
    if (!PyObject_TypeCheck(child, base_type) || SLOT(child, off_state) != NULL) {
        PyErr_SetString(PyExc_SystemError, "turbomock: a pooled leaf is not a mock class");
        goto fail;
    }
    PyObject *bag = SLOT(cpool, off_bag);
    if (bag != NULL && bag != Py_None) {
        /* Its magic methods are read off the class: the leaf names its mock. */
        PyObject *cell = PyObject_GetAttr(leaf, str_mock_cell);
        if (cell == NULL) {
            goto fail;
        }
        PyObject *ref = PyWeakref_NewRef(child, NULL);
        int failed = ref == NULL || PyObject_SetItem(cell, zero, ref) < 0;
        Py_XDECREF(ref);
        Py_DECREF(cell);
        if (failed) {
            goto fail;
        }
    }
    PyObject *state = make_state(parent, name, new_parent, new_name);
    if (state == NULL) {
        goto fail;
    }
    SLOT(child, off_state) = state;  /* (the child was made just now: the slot is empty) */
    Py_DECREF(leaf);
    return child;
fail:
    Py_XDECREF(child);
    Py_DECREF(leaf);
    return NULL;
}

/* The common case of NonCallableMock.__getattr__: a new reference to the child,
 * or NULL with an error, or NULL without one ("not handled": nothing changed). */
static PyObject *
fresh_child(PyObject *self, PyObject *name)
{
    if (!PyUnicode_CheckExact(name)) {
        return NULL;
    }
    PyObject *st = SLOT(self, off_state);
    if (st == NULL || !Py_IS_TYPE(st, state_type) || SLOT(st, off_extra) != Py_None) {
        return NULL;
    }
    /* Held from here: the two name lookups below can run a key's __eq__ (a str
     * subclass used as a name), which could replace the mock's state. */
    Py_INCREF(st);
    PyObject *child = NULL, *result = NULL;
    /* First what runs no user code, so that "not handled" does not follow code
     * the Python fallback would run again (but for a child found under a key
     * whose __eq__ ran: the fallback looks it up again, as a second access). */
    PyTypeObject *type = Py_TYPE(self);
    PyObject *cpool = direct_pool(self, Py_None);
    if (cpool == NULL) {
        goto done;
    }
    PyObject *free = SLOT(cpool, off_free);
    /* The name lookups, as __getattr__ makes them (PLAIN_NAMES holds exact strs
     * only; a child's key may be a str subclass). */
    int plain = PySet_Contains(plain_names, name);
    if (plain <= 0) {
        goto done;  /* (an error propagates, as in Python) */
    }
    if (PyDict_GetItemWithError(st, name) != NULL || PyErr_Occurred()) {
        goto done;  /* a child already: Python promotes it */
    }
    if (Py_TYPE(self) != type || PyList_GET_SIZE(free) == 0) {
        goto done;  /* changed by such an __eq__: nothing else is safe */
    }
    /* From here on, as the Python fast path: committed. */
    child = pooled_mock(cpool, self, name, self, name);
    if (child == NULL) {
        goto done;
    }
    /* setdefault is atomic: threads racing here all get one child. */
    PyObject *winner = PyDict_SetDefault(st, name, child);
    if (winner == NULL) {
        goto done;
    }
    if (winner == child) {
        result = Py_NewRef(child);
    }
    else if (winner != deleted) {
        result = Py_NewRef(winner);
    }
    else {
        result = PyObject_CallFunctionObjArgs(new_child, self, st, name, NULL);
    }
done:
    Py_XDECREF(child);
    Py_DECREF(st);
    return result;
}

/* fresh_return_value(mock): the common case of NonCallableMock._get_return_value
 * when the return value is DEFAULT, for a mock with no `extra`: the return value
 * made straight from the child pool (new_return_value's direct path) and stored,
 * unless one is there already (made meanwhile: the GIL keeps the check and the
 * store together, as the Python code's lock does); a new reference to whichever
 * it is. None: not handled, nothing changed (Python makes it). */
PyObject *
fast_mocks_fresh_return_value(PyObject *module, PyObject *self)
{
    return tm_fresh_return_value(self);
}

PyObject *
tm_fresh_return_value(PyObject *self)
{
    if (!ready || !PyObject_TypeCheck(self, base_type)) {
        Py_RETURN_NONE;
    }
    PyObject *st = SLOT(self, off_state);
    if (st == NULL || !Py_IS_TYPE(st, state_type) || SLOT(st, off_return_value) != default_) {
        Py_RETURN_NONE;
    }
    PyObject *extra = SLOT(st, off_extra);
    if (extra != Py_None) {
        /* What _get_return_value and new_return_value ask of it for the direct
         * path: no delegate, no wraps, no _spec_asyncs set by hand, not sealed. */
        if (!Py_IS_TYPE(extra, extra_type) || SLOT(extra, off_extra_delegate) != Py_None
            || SLOT(extra, off_extra_wraps) != Py_None
            || SLOT(extra, off_extra_spec_asyncs) != missing
            || SLOT(extra, off_extra_sealed) != Py_False) {
            Py_RETURN_NONE;
        }
    }
    PyObject *cpool = direct_pool(self, str_call_key);
    if (cpool == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    Py_INCREF(st);
    PyObject *child = pooled_mock(cpool, Py_None, Py_None, self, str_call_key);
    PyObject *result = NULL;
    PyObject *done = child == NULL ? NULL : PyObject_CallNoArgs(tm_core.lock_acquire);
    if (done != NULL) {
        Py_DECREF(done);
        /* Stored under the engine's lock, as _get_return_value stores it: a
         * value stored meanwhile (by another thread, or a finalizer run by an
         * allocation above) wins, as there. */
        PyObject *value = SLOT(st, off_return_value);
        if (value == default_) {
            SLOT(st, off_return_value) = Py_NewRef(child);
            Py_DECREF(value);
            result = Py_NewRef(child);
        }
        else {
            result = Py_NewRef(value);
        }
        done = PyObject_CallNoArgs(tm_core.lock_release);
        if (done == NULL) {
            Py_CLEAR(result);
        }
        Py_XDECREF(done);
    }
    Py_XDECREF(child);
    Py_DECREF(st);
    return result;
}

/* A leaf's tp_getattro: what CPython's slot_tp_getattr_hook does for it -- normal
 * lookup, then __getattr__ -- with fresh_child() first. install() saw that the
 * leaf's __getattribute__ is object's and its __getattr__ the engine's, and
 * CPython takes this function off the leaf (update_slot) as soon as either name
 * is set or deleted on it or a base, or its bases change: so neither is looked up
 * again here. */
static PyObject *
mock_getattro(PyObject *self, PyObject *name)
{
    PyObject *result = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    if (result != NULL || PyErr_Occurred()) {
        return result;
    }
    result = fresh_child(self, name);
    if (result != NULL || PyErr_Occurred()) {
        return result;
    }
    PyObject *args[] = {self, name};
    return PyObject_Vectorcall(engine_getattr, args, 2, NULL);
}

/* Is `init`, found in `klass`'s namespace, one that only passes its arguments on
 * (with super(), so from the class it was written in: the pair must match)? */
static int
passes_on(PyObject *klass, PyObject *init)
{
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(passing_inits); i++) {
        PyObject *pair = PyList_GET_ITEM(passing_inits, i);
        if (PyTuple_Check(pair) && PyTuple_GET_SIZE(pair) == 2
            && PyTuple_GET_ITEM(pair, 0) == klass && PyTuple_GET_ITEM(pair, 1) == init) {
            return 1;
        }
    }
    return 0;
}

/* The base __init__ a leaf's instances run: NonCallableMock.__init__ or init_mock,
 * found first or reached through inits that only pass their arguments on with
 * super().__init__ (MagicMixin's, AsyncMockMixin's); else NULL, with an error set
 * if a lookup raised. */
static PyObject *
base_init(PyTypeObject *leaf)
{
    PyObject *mro = leaf->tp_mro;
    if (mro == NULL || !PyTuple_Check(mro)) {
        return NULL;
    }
    Py_INCREF(mro);  /* (a key's __eq__, run by a lookup, could change the bases) */
    PyObject *found = NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *klass = PyTuple_GET_ITEM(mro, i);
        /* A class not made in Python (object, at the latest) has no engine
         * __init__; from 3.12 such a class may have no tp_dict at all. */
        if (!PyType_Check(klass)
            || !PyType_HasFeature((PyTypeObject *)klass, Py_TPFLAGS_HEAPTYPE)
            || ((PyTypeObject *)klass)->tp_dict == NULL) {
            break;
        }
        PyObject *init = PyDict_GetItemWithError(((PyTypeObject *)klass)->tp_dict, str_init);
        if (init == NULL) {
            if (PyErr_Occurred()) {
                break;
            }
            continue;
        }
        if (PyFunction_Check(init) && passes_on(klass, init)) {
            continue;
        }
        if (init == engine_init || init == pooled_init) {
            found = init;  /* (held by this module: outlives the tuple) */
        }
        break;
    }
    Py_DECREF(mro);
    return found;
}

/* A leaf's tp_init: slot_tp_init (call __init__, which must return None), with the
 * case of no arguments taken here as init_mock and NonCallableMock.__init__ take it:
 * a fresh state, and nothing else. */
static int
mock_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (PyTuple_GET_SIZE(args) == 0 && (kwds == NULL || PyDict_GET_SIZE(kwds) == 0)) {
        Py_INCREF(type);  /* (held: a lookup can run a key's __eq__) */
        PyObject *init = base_init(type);
        int plain = 0;
        if ((init == engine_init || init == pooled_init)
            && own_attribute(type, str_mock_pool)) {
            /* `type(self)._mock_pool is not None`, from the leaf's own namespace
             * (where a leaf holds it): a class derived from a leaf (type(m)())
             * runs the Python code, which gives it what it inherits. */
            PyObject *pool = PyDict_GetItemWithError(type->tp_dict, str_mock_pool);
            plain = pool != NULL && pool != Py_None;
        }
        Py_DECREF(type);
        if (PyErr_Occurred()) {
            return -1;
        }
        type = Py_TYPE(self);
        if (plain) {
            PyObject *state = make_state(Py_None, Py_None, Py_None, empty_name);
            if (state == NULL) {
                return -1;
            }
            PyObject *old = SLOT(self, off_state);
            SLOT(self, off_state) = state;
            Py_XDECREF(old);
            return 0;
        }
    }
    /* With arguments: the engine's __init__ itself where the classes before it
     * only pass them on (a frame less for MagicMock(spec=...)), else __init__ as
     * found, a function (install() saw to it). */
    Py_INCREF(type);
    PyObject *init = base_init(type);
    Py_DECREF(type);
    if (init == NULL) {
        if (PyErr_Occurred()) {
            return -1;
        }
        init = _PyType_Lookup(Py_TYPE(self), str_init);
    }
    if (init == NULL) {
        PyErr_SetString(PyExc_SystemError, "turbomock: a leaf lost its __init__");
        return -1;
    }
    Py_INCREF(init);
    Py_ssize_t count = PyTuple_GET_SIZE(args);
    PyObject *call_args = PyTuple_New(count + 1);
    PyObject *result = NULL;
    if (call_args != NULL) {
        PyTuple_SET_ITEM(call_args, 0, Py_NewRef(self));
        for (Py_ssize_t i = 0; i < count; i++) {
            PyTuple_SET_ITEM(call_args, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        }
        result = PyObject_Call(init, call_args, kwds);
        Py_DECREF(call_args);
    }
    Py_DECREF(init);
    if (result == NULL) {
        return -1;
    }
    if (result != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* `arg` as a class, or NULL with the TypeError `function()` raises for others. */
static PyTypeObject *
as_class(PyObject *arg, const char *function)
{
    if (!PyType_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a class", function);
        return NULL;
    }
    return (PyTypeObject *)arg;
}

/* install(leaf): give a pooled leaf mock_getattro and mock_init, each where it
 * stands in for CPython's generic slot function exactly (nothing before setup). */
PyObject *
fast_mocks_install(PyObject *module, PyObject *arg)
{
    PyTypeObject *leaf = as_class(arg, "install");
    if (leaf == NULL) {
        return NULL;
    }
    if (!ready || !PyType_IsSubtype(leaf, base_type)) {
        Py_RETURN_NONE;
    }
    if (leaf->tp_getattro == hook
        && _PyType_Lookup(leaf, str_getattribute) == generic_getattribute
        && _PyType_Lookup(leaf, str_getattr) == engine_getattr) {
        leaf->tp_getattro = mock_getattro;
    }
    PyObject *init = _PyType_Lookup(leaf, str_init);
    if (leaf->tp_init == slot_init && init != NULL && PyFunction_Check(init)) {
        if (base_init(leaf) != NULL) {
            leaf->tp_init = mock_init;
        }
        else if (PyErr_Occurred()) {
            return NULL;
        }
    }
    tm_install_call(leaf);
    Py_RETURN_NONE;
}

/* installed(cls): which of them cls has, as a tuple of names (tests). */
PyObject *
fast_mocks_installed(PyObject *module, PyObject *arg)
{
    PyTypeObject *type = as_class(arg, "installed");
    if (type == NULL) {
        return NULL;
    }
    PyObject *names = PyList_New(0);
    if (names == NULL) {
        return NULL;
    }
    const char *found[3] = {
        type->tp_getattro == mock_getattro ? "__getattr__" : NULL,
        type->tp_init == mock_init ? "__init__" : NULL,
        tm_has_call(type) ? "__call__" : NULL,
    };
    for (int i = 0; i < 3; i++) {
        PyObject *name = found[i] == NULL ? NULL : PyUnicode_FromString(found[i]);
        if (found[i] != NULL && (name == NULL || PyList_Append(names, name) < 0)) {
            Py_XDECREF(name);
            Py_DECREF(names);
            return NULL;
        }
        Py_XDECREF(name);
    }
    PyObject *result = PyList_AsTuple(names);
    Py_DECREF(names);
    return result;
}
