/* turbomock's optional native core: the hot path of patch.dict on a plain dict.
 *
 * A pure-Python class with __init__, __enter__ and __exit__ spends about as much
 * in its three frames as the dict work itself, which puts `with patch.dict(d, v)`
 * at best near 1/1.7 of the stdlib. This type does the common case -- positional
 * arguments, a plain dict target and a plain dict of values -- in C, and hands
 * everything else to the Python methods of its subclass (`_init_general`,
 * `_patch_dict`, `_unpatch_dict` in turbomock/_patch_mapping.py), so behaviour and
 * error messages stay those of the pure-Python fallback, which runs the same
 * tests when this module is not built (or TURBOMOCK_PURE_PYTHON=1).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>  /* offsetof; Python.h stopped including it in 3.13 */

#include "_native_core.h"

#if PY_VERSION_HEX < 0x030C0000
#include <structmember.h>
#define Py_T_OBJECT_EX T_OBJECT_EX
#define Py_READONLY READONLY
#endif

typedef struct {
    PyObject_HEAD
    PyObject *in_dict;
    PyObject *values;
    PyObject *clear;
    PyObject *original;
} PatchDictCore;

static PyObject *
call_method(PyObject *self, const char *name, PyObject *args, PyObject *kwds)
{
    PyObject *method = PyObject_GetAttrString(self, name);
    if (method == NULL) {
        return NULL;
    }
    PyObject *result = PyObject_Call(method, args, kwds);
    Py_DECREF(method);
    return result;
}

/* __init__(in_dict, values=(), clear=False, **kwargs): up to three positional
 * arguments with values a plain dict (or absent) is done here; anything else
 * (keywords, pairs, other mappings, bad calls) goes to _init_general. */
static int
core_init(PatchDictCore *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *values = n > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (n < 1 || n > 3 || (kwds != NULL && PyDict_GET_SIZE(kwds) != 0)
        || (values != NULL && !PyDict_CheckExact(values))) {
        PyObject *result = call_method((PyObject *)self, "_init_general", args, kwds);
        if (result == NULL) {
            return -1;
        }
        Py_DECREF(result);
        return 0;
    }
    /* The values are copied, as the stdlib's dict(values) does. */
    PyObject *copy = values != NULL ? PyDict_Copy(values) : PyDict_New();
    if (copy == NULL) {
        return -1;
    }
    PyObject *in_dict = PyTuple_GET_ITEM(args, 0);
    PyObject *clear = n > 2 ? PyTuple_GET_ITEM(args, 2) : Py_False;
    Py_INCREF(in_dict);
    Py_XSETREF(self->in_dict, in_dict);
    Py_XSETREF(self->values, copy);
    Py_INCREF(clear);
    Py_XSETREF(self->clear, clear);
    Py_INCREF(Py_None);
    Py_XSETREF(self->original, Py_None);
    return 0;
}

/* Snapshot, optionally clear, then update: _patch_dict() for a plain dict. */
static PyObject *
core_enter(PatchDictCore *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *in_dict = self->in_dict;
    PyObject *values = self->values;
    PyObject *clear = self->clear;
    if (in_dict == NULL || values == NULL || clear == NULL
        || !PyDict_CheckExact(in_dict) || !PyDict_CheckExact(values)) {
        PyObject *result = PyObject_CallMethod((PyObject *)self, "_patch_dict", NULL);
        if (result == NULL) {
            return NULL;
        }
        Py_DECREF(result);
        return PyObject_GetAttrString((PyObject *)self, "in_dict");
    }
    /* Held for the duration: clearing the dict, or hashing and comparing keys,
     * can run Python code, which could rebind the patcher's attributes. */
    Py_INCREF(in_dict);
    Py_INCREF(values);
    Py_INCREF(clear);
    PyObject *original = PyDict_Copy(in_dict);
    if (original == NULL) {
        goto error;
    }
    Py_XSETREF(self->original, original);
    int truth = clear == Py_False ? 0 : PyObject_IsTrue(clear);
    if (truth < 0) {
        goto error;
    }
    if (truth) {
        PyDict_Clear(in_dict);
    }
    if (PyDict_Update(in_dict, values) < 0) {
        goto error;
    }
    Py_DECREF(values);
    Py_DECREF(clear);
    return in_dict;
error:
    Py_DECREF(in_dict);
    Py_DECREF(values);
    Py_DECREF(clear);
    return NULL;
}

/* Clear, then refill from the snapshot: _unpatch_dict() for a plain dict. */
static PyObject *
core_exit(PatchDictCore *self, PyObject *const *Py_UNUSED(args), Py_ssize_t Py_UNUSED(nargs))
{
    PyObject *original = self->original;
    if (original == NULL) {
        /* Unset (deleted, or __init__ never ran): the attribute's own error. */
        return PyObject_GetAttrString((PyObject *)self, "_original");
    }
    if (original == Py_None) {
        Py_RETURN_FALSE;
    }
    PyObject *in_dict = self->in_dict;
    if (in_dict == NULL || !PyDict_CheckExact(in_dict) || !PyDict_CheckExact(original)) {
        PyObject *result = PyObject_CallMethod((PyObject *)self, "_unpatch_dict", NULL);
        if (result == NULL) {
            return NULL;
        }
        Py_DECREF(result);
        Py_RETURN_FALSE;
    }
    Py_INCREF(in_dict);
    Py_INCREF(original);
    PyDict_Clear(in_dict);
    int failed = PyDict_Update(in_dict, original) < 0;
    Py_DECREF(original);
    Py_DECREF(in_dict);
    if (failed) {
        return NULL;
    }
    Py_RETURN_FALSE;
}

static int
core_traverse(PatchDictCore *self, visitproc visit, void *arg)
{
    Py_VISIT(self->in_dict);
    Py_VISIT(self->values);
    Py_VISIT(self->clear);
    Py_VISIT(self->original);
    return 0;
}

static int
core_clear(PatchDictCore *self)
{
    Py_CLEAR(self->in_dict);
    Py_CLEAR(self->values);
    Py_CLEAR(self->clear);
    Py_CLEAR(self->original);
    return 0;
}

static void
core_dealloc(PatchDictCore *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    core_clear(self);
    type->tp_free((PyObject *)self);
}

static PyMethodDef core_methods[] = {
    {"__enter__", (PyCFunction)core_enter, METH_NOARGS,
     "__enter__($self, /)\n--\n\nPatch the dict."},
    {"__exit__", (PyCFunction)(void (*)(void))core_exit, METH_FASTCALL,
     "__exit__($self, /, *args)\n--\n\nUnpatch the dict."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef core_members[] = {
    {"in_dict", Py_T_OBJECT_EX, offsetof(PatchDictCore, in_dict), 0, NULL},
    {"values", Py_T_OBJECT_EX, offsetof(PatchDictCore, values), 0, NULL},
    {"clear", Py_T_OBJECT_EX, offsetof(PatchDictCore, clear), 0, NULL},
    {"_original", Py_T_OBJECT_EX, offsetof(PatchDictCore, original), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject PatchDictCoreType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "turbomock._speedups.PatchDictCore",
    .tp_doc = "patch.dict's plain-dict hot path (see turbomock/_patch_mapping.py).",
    .tp_basicsize = sizeof(PatchDictCore),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)core_init,
    .tp_dealloc = (destructor)core_dealloc,
    .tp_traverse = (traverseproc)core_traverse,
    .tp_clear = (inquiry)core_clear,
    .tp_methods = core_methods,
    .tp_members = core_members,
};

#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
/* Looked up once on a type to make CPython give it a version tag (3.11). */
static PyObject *tag_probe_name;
#endif

/* type_version(cls): the version tag CPython keeps for the type, or 0.
 *
 * CPython gives a type a new tag whenever it, a base or its MRO changes (it is what
 * the interpreter's attribute caches are keyed on), and from 3.11 never gives a
 * tag out twice, so two equal non-zero tags of one type mean nothing changed in
 * between (turbomock/_spec.py caches a class's spec names on it). 0 means none can
 * be given: a type with a custom mro(), tags used up, or 3.9/3.10, where
 * sys._clear_type_cache() starts the numbering over. */
static PyObject *
type_version(PyObject *module, PyObject *arg)
{
    if (!PyType_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "type_version() takes a type");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030B0000
    PyTypeObject *type = (PyTypeObject *)arg;
#if PY_VERSION_HEX >= 0x030C0000
    PyUnstable_Type_AssignVersionTag(type);
#else
    (void)_PyType_Lookup(type, tag_probe_name);  /* assigns a tag if it can */
#endif
    return PyLong_FromUnsignedLong(type->tp_version_tag);
#else
    return PyLong_FromLong(0);
#endif
}

/* class_holder(cls): the dict a class keeps turbomock's registries for it in (its
 * pools: see _class_holder.py), made on first use. It lives in the type object's
 * tp_cache slot, which CPython no longer uses for anything else (3.9-3.13) but
 * still owns: type_traverse visits it and type_dealloc releases it. So what the
 * dict holds is part of the class for the garbage collector: pools whose leaves
 * derive from the class (and so refer to it) die with it, as the stdlib's
 * per-mock classes do, where a module-level registry would keep both forever.
 * Heap types only: a static type's slots are not ours to fill. */
static PyObject *
class_holder(PyObject *module, PyObject *arg)
{
    if (!PyType_Check(arg) || !(((PyTypeObject *)arg)->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_SetString(PyExc_TypeError, "class_holder() takes a class defined in Python");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)arg;
    PyObject *held = type->tp_cache;
    if (held == NULL) {
        PyObject *made = PyDict_New();
        if (made == NULL) {
            return NULL;
        }
        held = type->tp_cache;  /* (a collection during PyDict_New may have run code) */
        if (held == NULL) {
            type->tp_cache = held = made;
        }
        else {
            Py_DECREF(made);
        }
    }
    if (!PyDict_CheckExact(held)) {
        PyErr_SetString(PyExc_RuntimeError, "class_holder(): the class's tp_cache holds "
                                            "something other than turbomock's dict");
        return NULL;
    }
    return Py_NewRef(held);
}

/* clone_slots(template): a new instance of template's class whose slots hold what
 * the template's hold. For _state.Extra, the state a specced mock needs, made
 * from a template of defaults (new_extra) or from a mock's own (copy_extra, for a
 * shallow copy): a Python __init__ setting its twenty fields cost about 2,800
 * instructions of the 30,000 of Mock(spec=C50) on 3.11, this about 300. The class must be a Python
 * class with __slots__ only, directly on object (no __dict__, no other base), so
 * copying its members is all there is to an instance; the defaults must not be
 * mutable, as every clone shares them (tests/test_state.py checks Extra's). */
static PyObject *
clone_slots(PyObject *module, PyObject *template)
{
    PyTypeObject *type = Py_TYPE(template);
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || type->tp_base != &PyBaseObject_Type
        || type->tp_dictoffset != 0 || type->tp_members == NULL) {
        PyErr_SetString(PyExc_TypeError, "clone_slots() takes an instance of a class with "
                                         "__slots__ only, directly on object");
        return NULL;
    }
    PyObject *made = type->tp_alloc(type, 0);
    if (made == NULL) {
        return NULL;
    }
    for (PyMemberDef *member = type->tp_members; member->name != NULL; member++) {
        if (member->type != Py_T_OBJECT_EX || (member->flags & Py_READONLY)) {
            continue;
        }
        PyObject *value = *(PyObject **)((char *)template + member->offset);
        *(PyObject **)((char *)made + member->offset) = Py_XNewRef(value);
    }
    return made;
}

static PyObject *str_coroutine_marker, *str_is_coroutine;

/* functions_unchanged(check): whether each function in `check`, a tuple
 * (ref, code, ref, code, ...) of weak references to functions and the code each
 * had, still has that code and no coroutine marker (`_is_coroutine_marker`,
 * asyncio's `_is_coroutine`) in its __dict__: what decides, besides its class,
 * whether a class attribute is a coroutine function (turbomock/_spec.py keeps
 * that per version of a class, which a function changed in place does not
 * change). One C loop: it runs for every mock made on a cached class spec. */
static PyObject *
functions_unchanged(PyObject *module, PyObject *check)
{
    if (!PyTuple_CheckExact(check) || PyTuple_GET_SIZE(check) % 2) {
        PyErr_SetString(PyExc_TypeError, "functions_unchanged() takes (ref, code) pairs");
        return NULL;
    }
    /* The common case costs a few loads per function (this runs for every mock
     * made on a cached class spec: 50 functions for the bench's Mock(spec=C50)):
     * the referent is read off the weak reference without a new reference, as
     * PyWeakref_GET_OBJECT did, since nothing here runs code until a function
     * has a non-empty __dict__, which is then held while looked into. */
    Py_ssize_t size = PyTuple_GET_SIZE(check);
    for (Py_ssize_t i = 0; i < size; i += 2) {
        PyObject *ref = PyTuple_GET_ITEM(check, i);
        if (!PyWeakref_CheckRef(ref)) {
            PyErr_SetString(PyExc_TypeError, "functions_unchanged() takes weak references");
            return NULL;
        }
        PyObject *func = ((PyWeakReference *)ref)->wr_object;
        if (func == Py_None || Py_REFCNT(func) <= 0 || !PyFunction_Check(func)
            || PyFunction_GET_CODE(func) != PyTuple_GET_ITEM(check, i + 1)) {
            Py_RETURN_FALSE;
        }
        PyObject *own = ((PyFunctionObject *)func)->func_dict;
        if (own == NULL || PyDict_GET_SIZE(own) == 0) {
            continue;
        }
        /* (A key's __eq__ may run: hold the dict.) */
        Py_INCREF(own);
        PyObject *marker = PyDict_GetItemWithError(own, str_coroutine_marker);
        if (marker == NULL && !PyErr_Occurred()) {
            marker = PyDict_GetItemWithError(own, str_is_coroutine);
        }
        Py_DECREF(own);
        if (PyErr_Occurred()) {
            return NULL;
        }
        if (marker != NULL) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

/* Compares one part of a function with its stamped value: 1 equal, 0 not, -1 error. */
static int
same_part(PyObject *now, PyObject *then)
{
    if (now == then) {
        return 1;
    }
    if (now == Py_None || then == Py_None || !PyDict_Check(now) || !PyDict_Check(then)) {
        return 0;
    }
    if (PyDict_GET_SIZE(now) != PyDict_GET_SIZE(then)) {
        return 0;
    }
    if (PyDict_GET_SIZE(now) == 0) {
        return 1;  /* (most functions: no annotations) */
    }
    return PyObject_RichCompareBool(now, then, Py_EQ);
}

/* stamps_hold(stamps): whether each (function, code, defaults, keyword defaults,
 * annotations) of the list `stamps` still holds: the function has nothing in its
 * __dict__, the same code and defaults, and equal keyword defaults and annotations
 * (what _signatures.stamp_holds checks of a plain function, from Python's view:
 * a field CPython leaves empty reads as None, or for annotations as {}). One C loop:
 * it runs over every function of a class spec for each mock autospecced on it
 * (turbomock/_function_snapshot.py). */
static PyObject *
stamps_hold(PyObject *module, PyObject *stamps)
{
    if (!PyList_Check(stamps)) {
        PyErr_SetString(PyExc_TypeError, "stamps_hold() takes a list");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(stamps); i++) {
        PyObject *item = PyList_GET_ITEM(stamps, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 5) {
            PyErr_SetString(PyExc_TypeError, "stamps_hold() takes 5-tuples");
            return NULL;
        }
        PyObject *func = PyTuple_GET_ITEM(item, 0);
        if (!PyFunction_Check(func)) {
            Py_RETURN_FALSE;
        }
        PyFunctionObject *f = (PyFunctionObject *)func;
        if (f->func_dict != NULL && PyDict_GET_SIZE(f->func_dict) > 0) {
            Py_RETURN_FALSE;
        }
        if (f->func_code != PyTuple_GET_ITEM(item, 1)
            || (f->func_defaults ? f->func_defaults : Py_None) != PyTuple_GET_ITEM(item, 2)) {
            Py_RETURN_FALSE;
        }
        PyObject *annotations = PyTuple_GET_ITEM(item, 4);
        if (f->func_annotations == NULL) {
            /* Python's getter makes an empty dict: equal to an empty stamp. */
            if (!PyDict_Check(annotations) || PyDict_GET_SIZE(annotations) > 0) {
                Py_RETURN_FALSE;
            }
        }
        else {
            Py_INCREF(func);  /* (a comparison may run code that drops it) */
            int same = same_part(f->func_annotations, annotations);
            if (same == 1) {
                PyObject *keywords = f->func_kwdefaults ? f->func_kwdefaults : Py_None;
                same = same_part(keywords, PyTuple_GET_ITEM(item, 3));
            }
            Py_DECREF(func);
            if (same < 0) {
                return NULL;
            }
            if (!same) {
                Py_RETURN_FALSE;
            }
            continue;
        }
        int same = same_part(f->func_kwdefaults ? f->func_kwdefaults : Py_None,
                             PyTuple_GET_ITEM(item, 3));
        if (same < 0) {
            return NULL;
        }
        if (!same) {
            Py_RETURN_FALSE;
        }
    }
    Py_RETURN_TRUE;
}

static PyMethodDef speedups_functions[] = {
    {"functions_unchanged", (PyCFunction)functions_unchanged, METH_O,
     "functions_unchanged($module, check, /)\n--\n\n"
     "Whether each (weak reference to a function, code) pair still holds, with no "
     "coroutine marker set since."},
    {"stamps_hold", (PyCFunction)stamps_hold, METH_O,
     "stamps_hold($module, stamps, /)\n--\n\n"
     "Whether each (function, code, defaults, kwdefaults, annotations) still holds."},
    {"class_holder", (PyCFunction)class_holder, METH_O,
     "class_holder($module, cls, /)\n--\n\n"
     "The dict that cls itself holds turbomock's registries for it in (made once)."},
    {"clone_slots", (PyCFunction)clone_slots, METH_O,
     "clone_slots($module, template, /)\n--\n\n"
     "A new instance of template's class (__slots__ only) holding what its slots hold."},
    {"type_version", (PyCFunction)type_version, METH_O,
     "type_version($module, cls, /)\n--\n\nThe type's version tag (0: none)."},
    {"state_setup", (PyCFunction)(void (*)(void))fast_mocks_state_setup, METH_FASTCALL,
     "state_setup($module, state, default, /)\n--\n\n"
     "What new_state() works with: the MockState class and DEFAULT (_fast_mocks.c)."},
    {"new_state", (PyCFunction)(void (*)(void))fast_mocks_new_state, METH_FASTCALL,
     "new_state($module, parent, name, new_parent, new_name, /)\n--\n\n"
     "A fresh MockState: _state.new_state, in C."},
    {"fast_mocks_setup", (PyCFunction)fast_mocks_setup, METH_O,
     "fast_mocks_setup($module, config, /)\n--\n\n"
     "What the native Mock() and first child access work with (_fast_mocks.c)."},
    {"fast_mocks_install", (PyCFunction)fast_mocks_install, METH_O,
     "fast_mocks_install($module, leaf, /)\n--\n\n"
     "Give a pooled leaf the native Mock() and first child access where exact."},
    {"fast_calls_setup", (PyCFunction)fast_calls_setup, METH_O,
     "fast_calls_setup($module, config, /)\n--\n\n"
     "What the native call of a plain mock works with (_fast_calls.c)."},
    {"share_keys", (PyCFunction)(void (*)(void))shared_keys_share, METH_FASTCALL,
     "share_keys($module, leaf, donor, /)\n--\n\n"
     "Have a new leaf read the donor's attribute-keys table (_shared_keys.c)."},
    {"fresh_return_value", (PyCFunction)fast_mocks_fresh_return_value, METH_O,
     "fresh_return_value($module, mock, /)\n--\n\n"
     "A new mock's return value, made and stored where exact, else None (_fast_mocks.c)."},
    {"fast_mocks_installed", (PyCFunction)fast_mocks_installed, METH_O,
     "fast_mocks_installed($module, cls, /)\n--\n\n"
     "Which of them cls has: a tuple of '__getattr__', '__init__', '__call__'."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "turbomock._speedups",
    .m_doc = "turbomock's optional native core.",
    .m_size = -1,
    .m_methods = speedups_functions,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&PatchDictCoreType) < 0) {
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030C0000
    tag_probe_name = PyUnicode_InternFromString("__turbomock_version_probe__");
    if (tag_probe_name == NULL) {
        return NULL;
    }
#endif
    str_coroutine_marker = PyUnicode_InternFromString("_is_coroutine_marker");
    str_is_coroutine = PyUnicode_InternFromString("_is_coroutine");
    if (str_coroutine_marker == NULL || str_is_coroutine == NULL) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&speedups_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&PatchDictCoreType);
    if (PyModule_AddObject(module, "PatchDictCore", (PyObject *)&PatchDictCoreType) < 0) {
        Py_DECREF(&PatchDictCoreType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
